using System.Net;
using System.Text;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Host.Tests.Replay;
using Conversations.Storage.Archive;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// A delivery's writes through the real host, on each store: archived exactly when acknowledged, a bad value costs
/// only its own delivery, and reads answer 503 (not 500) while the store cannot be reached.
/// </summary>
public abstract class DeliveryStorageContract : IAsyncLifetime
{
    private readonly StorageFault _fault = new();
    private ConversationsHostFactory _factory = null!;
    private HttpClient _client = null!;

    protected abstract Task<ConversationsHostFactory> CreateHostAsync();

    private IDeliveryArchive Archive => _factory.Factories.Single().Services.GetRequiredService<IDeliveryArchive>();

    public async Task InitializeAsync()
    {
        _factory = await CreateHostAsync();
        _client = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(_fault.Install)).CreateClient();
    }

    public virtual async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task DeliveryAnswered503_IsNotArchived_AndItsRetryIsArchivedOnce()
    {
        var email = NewEmail();
        _fault.TimelineAppendsFail = true;

        var refused = await _client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email));
        await refused.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.Empty(await ArchivedMentioningAsync(email));

        _fault.TimelineAppendsFail = false;
        var retried = await _client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email));

        Assert.Equal(HttpStatusCode.OK, retried.StatusCode);
        Assert.Equal("accepted", Assert.Single(await ArchivedMentioningAsync(email)).Outcome);
    }

    [Fact]
    public async Task DeliveryTheStoreRefuses_Answers422UnstorableValue_ThroughTheLeadGrain_AndIsNotArchived()
    {
        var email = NewEmail();
        _fault.TimelineAppendsRefused = true;

        var response = await _client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email));

        var problem = await response.AssertProblemAsync(HttpStatusCode.UnprocessableEntity);
        Assert.EndsWith("unstorable-value", problem.Str("type"));
        Assert.Contains("cannot keep a value", problem.Str("detail"));
        Assert.Null(response.Headers.RetryAfter);
        Assert.Empty(await ArchivedMentioningAsync(email));
    }

    [Fact]
    public async Task ConcurrentDeliveries_OneWithANulCharacterInAName_AreAllAccepted()
    {
        var emails = Enumerable.Range(0, 60).Select(_ => NewEmail()).ToList();
        var poisoned = emails[17];

        var responses = await Task.WhenAll(emails.Select(email =>
        {
            var json = Text("salesforge/01-email_sent.json").AsPerson(email)
                .Replace("0a1b2c3d-", $"{email[5..17]}-", StringComparison.Ordinal);
            if (email == poisoned) json = json.Replace("\"firstName\": \"Hanna\"", "\"firstName\": \"Han\\u0000na\"", StringComparison.Ordinal);
            return _client.PostAsync("/webhooks/salesforge", Json(json));
        }));

        Assert.All(responses, response => Assert.Equal(HttpStatusCode.OK, response.StatusCode));
        var lead = await (await _client.GetAsync($"/api/leads/email:{poisoned}")).ReadJsonAsync();
        Assert.Contains("Han\uFFFDna", lead.GetRawText().Replace("\\uFFFD", "\uFFFD", StringComparison.OrdinalIgnoreCase));
        Assert.Single(await ArchivedMentioningAsync(poisoned));
        foreach (var email in emails)
            Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/leads/email:{email}/timeline")).StatusCode);
    }

    [Theory]
    [InlineData("/api/leads/email:{0}")]
    [InlineData("/api/leads/email:{0}/timeline")]
    [InlineData("/api/campaigns/salesforge:seq_q4demo01")]
    public async Task Reads_WhileTheStoreCannotBeReached_Answer503WithRetryAfter(string pathFormat)
    {
        var email = NewEmail();
        Assert.Equal(HttpStatusCode.OK, (await _client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email))).StatusCode);
        _fault.TimelineReadsFail = true;

        var response = await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, email));

        var problem = await response.AssertProblemAsync(HttpStatusCode.ServiceUnavailable);
        Assert.EndsWith("storage-unavailable", problem.Str("type"));
        Assert.Equal("5", response.Headers.RetryAfter?.ToString());

        _fault.TimelineReadsFail = false;
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, pathFormat, email))).StatusCode);
    }

    private async Task<List<Conversations.Abstractions.Timeline.RawDelivery>> ArchivedMentioningAsync(string email)
    {
        var found = new List<Conversations.Abstractions.Timeline.RawDelivery>();
        long after = 0;
        while (await Archive.ReadAsync(new DeliveryFilter("salesforge", null, null), after, 500) is { Count: > 0 } page)
        {
            found.AddRange(page.Select(d => d.Delivery).Where(d => Encoding.UTF8.GetString(d.Body.Span).Contains(email, StringComparison.Ordinal)));
            after = page[^1].Id;
        }
        return found;
    }
}

public sealed class EmbeddedDeliveryStorageTests : DeliveryStorageContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-delivery-").FullName;

    protected override Task<ConversationsHostFactory> CreateHostAsync() =>
        Task.FromResult(ConversationsHostFactory.Embedded(_dataDirectory));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgreSqlDeliveryStorageTests(PostgresServerFixture postgres)
    : DeliveryStorageContract, IClassFixture<PostgresServerFixture>
{
    protected override async Task<ConversationsHostFactory> CreateHostAsync() =>
        ConversationsHostFactory.PostgreSql(await postgres.CreateDatabaseAsync());
}
