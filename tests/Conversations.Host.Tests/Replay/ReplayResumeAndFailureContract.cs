using Conversations.Abstractions.Timeline;
using System.Net;
using System.Text;
using System.Text.Json;
using Conversations.Host.Access;
using Conversations.Host.Tests.PostgreSql;
using Conversations.Host.Tests.Security;
using Conversations.Storage.Archive;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Replay;

/// <summary>
/// A replay can resume where an earlier one stopped, and a failure ends its stream with an error line, not a cut;
/// on each store.
/// </summary>
public abstract class ReplayResumeAndFailureContract : IAsyncLifetime
{
    private const string AdminKey = OperatorKeys.Admin;
    private readonly StorageFault _fault = new();
    private ConversationsHostFactory _factory = null!;
    private HttpClient _client = null!;

    /// <summary>A host on the store under test, with <paramref name="settings"/>.</summary>
    protected abstract Task<ConversationsHostFactory> CreateHostAsync(Dictionary<string, string?> settings);

    private IDeliveryArchive Archive => _factory.Factories.Single().Services.GetRequiredService<IDeliveryArchive>();

    public async Task InitializeAsync()
    {
        _factory = await CreateHostAsync(OperatorKeys.Settings());
        _client = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(_fault.Install)).CreateClient();
        _client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, AdminKey);
    }

    public virtual async Task DisposeAsync()
    {
        _client.Dispose();
        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task Replay_AfterADeliveryId_ReplaysOnlyLaterDeliveries()
    {
        var (before, later) = (NewEmail(), NewEmail());
        var beforeId = await StoreMissedOpenAsync(before);
        var laterId = await StoreMissedOpenAsync(later);

        var lines = await ReplayAsync(new { after = beforeId });

        Assert.Equal(["progress", "summary"], lines.Select(l => l.Str("type")));
        Assert.Equal(1, lines[^1].GetProperty("deliveries").GetInt32());
        Assert.Equal(1, lines[^1].GetProperty("applied").GetInt32());
        Assert.Equal(laterId, lines[^1].GetProperty("lastDeliveryId").GetInt64());
        await (await _client.GetAsync($"/api/leads/email:{before}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
        var timeline = await (await _client.GetAsync($"/api/leads/email:{later}/timeline")).ReadJsonAsync();
        Assert.Equal(["opened"], timeline.GetProperty("events").EnumerateArray().Select(e => e.Str("kind")));
    }

    [Fact]
    public async Task Replay_WhenTheArchiveFailsMidway_EndsWithAnErrorLineCarryingTheCountsSoFar()
    {
        var ids = new List<long>();
        for (var i = 0; i < 3; i++) ids.Add(await StoreMissedOpenAsync(NewEmail()));
        _fault.ArchiveReadsFailPastId = ids[0];

        var lines = await ReplayAsync(new { });

        Assert.Equal(["progress", "error"], lines.Select(l => l.Str("type")));
        var error = lines[^1];
        Assert.Equal(3, error.GetProperty("deliveries").GetInt32());
        Assert.Equal(3, error.GetProperty("events").GetInt32());
        Assert.Equal(ids[^1], error.GetProperty("lastDeliveryId").GetInt64());
        Assert.Contains($"\"after\": {ids[^1]}", error.Str("detail"));
    }

    [Fact]
    public async Task Replay_WhenStoringEventsFails_EndsWithAnErrorLine_AndResumingFromItFinishesTheJob()
    {
        var email = NewEmail();
        await StoreMissedOpenAsync(email);
        _fault.TimelineAppendsFail = true;

        var failed = await ReplayAsync(new { });
        _fault.TimelineAppendsFail = false;
        var resumed = await ReplayAsync(new { after = failed[^1].GetProperty("lastDeliveryId").GetInt64() });

        Assert.Equal(["error"], failed.Select(l => l.Str("type")));
        Assert.Equal(0, failed[^1].GetProperty("deliveries").GetInt32());
        Assert.Equal(0, failed[^1].GetProperty("lastDeliveryId").GetInt64());
        Assert.Contains("storing the events", failed[^1].Str("detail"));
        Assert.Equal("summary", resumed[^1].Str("type"));
        Assert.Equal(1, resumed[^1].GetProperty("applied").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/leads/email:{email}/timeline")).StatusCode);
    }

    [Fact]
    public async Task Replay_WithANegativeAfter_Returns400()
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/replay") { Content = Json("""{"after":-1}""") };
        request.Headers.Add("X-Api-Key", AdminKey);

        var problem = await (await _client.SendAsync(request)).AssertProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("'after'", problem.Str("detail"));
    }

    /// <summary>Archives a delivery as if it had arrived while its type was unsupported: stored, never normalized.</summary>
    private async Task<long> StoreMissedOpenAsync(string email)
    {
        var body = Text("salesforge/02-email_opened.json").AsPerson(email);
        return await Archive.StoreAsync(new RawDelivery("salesforge", DateTimeOffset.UtcNow, "application/json",
            new Dictionary<string, string>(), Encoding.UTF8.GetBytes(body), "ignored"));
    }

    private async Task<List<JsonElement>> ReplayAsync(object request)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/api/admin/replay") { Content = Json(JsonSerializer.Serialize(request)) };
        message.Headers.Add("X-Api-Key", AdminKey);
        var response = await _client.SendAsync(message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.EndsWith("\n", text);
        return text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone()).ToList();
    }
}

public sealed class EmbeddedReplayResumeAndFailureTests : ReplayResumeAndFailureContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-replay-").FullName;

    protected override Task<ConversationsHostFactory> CreateHostAsync(Dictionary<string, string?> settings) =>
        Task.FromResult(ConversationsHostFactory.Embedded(_dataDirectory, settings));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgreSqlReplayResumeAndFailureTests(PostgresServerFixture postgres)
    : ReplayResumeAndFailureContract, IClassFixture<PostgresServerFixture>
{
    protected override async Task<ConversationsHostFactory> CreateHostAsync(Dictionary<string, string?> settings) =>
        ConversationsHostFactory.PostgreSql(await postgres.CreateDatabaseAsync(), settings);
}
