using System.Collections.Concurrent;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Streams;
using Conversations.Grains.Streams;
using Conversations.Host.Tests.Signals;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Streams;

namespace Conversations.Host.Tests.Streams;

/// <summary>
/// What is committed reaches the streams, on each store: an event and its signal that a silo stored and stopped before
/// publishing are published by the next silo over the same storage, and a publish that failed is made again and
/// reaches a stream subscriber.
/// </summary>
public abstract class AtLeastOnceDeliveryContract : IAsyncLifetime
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    /// <summary>Short, so that an unpublished entry falls due within the test.</summary>
    private static readonly Dictionary<string, string?> QuickRetries = new()
    {
        ["Conversations:Outbox:RetryAfterSeconds"] = "1",
        ["Conversations:Outbox:SweepIntervalSeconds"] = "0.2",
    };

    private readonly List<IAsyncDisposable> _hosts = [];

    /// <summary>A host over this test's storage, the same on every call.</summary>
    protected abstract Task<ConversationsHostFactory> CreateHostAsync(IDictionary<string, string?> settings);

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual async Task DisposeAsync()
    {
        foreach (var host in Enumerable.Reverse(_hosts)) await host.DisposeAsync();
    }

    [Fact]
    public async Task AnEventAndItsSignal_CommittedByASiloThatStoppedBeforePublishing_ArePublishedByTheNextSilo()
    {
        var first = await HostAsync(_ => new NeverPublishing());
        var (leadId, eventId) = await DeliverPositiveReplyAsync(first.CreateClient());
        await first.DisposeAsync();

        RecordingPublisher recorder = null!;
        var second = await HostAsync(services => recorder = new RecordingPublisher(RealPublisher(services)));
        using var client = second.CreateClient();
        var signalId = await SignalIdAsync(client, leadId);

        await EventuallyAsync(() => recorder.Published(eventId) && recorder.Published(signalId), "the event and its signal were not published");
    }

    [Fact]
    public async Task AFailedPublish_IsMadeAgain_AndTheSignalReachesAStreamSubscriber()
    {
        FailingFirst failing = null!;
        var host = await HostAsync(services => failing = new FailingFirst(failures: 1, RealPublisher(services)));
        using var client = host.CreateClient();
        var received = new ConcurrentQueue<Signal>();
        var stream = host.Services.GetRequiredService<IClusterClient>().GetStreamProvider(StreamNames.Provider)
            .GetStream<Signal>(StreamIds.SignalsOfType("positive-reply"));
        var subscription = await stream.SubscribeAsync((signal, _) =>
        {
            received.Enqueue(signal);
            return Task.CompletedTask;
        });

        var (_, eventId) = await DeliverPositiveReplyAsync(client);

        await EventuallyAsync(() => received.Any(signal => signal.Evidence.Contains(eventId)), "no subscriber received the signal");
        await subscription.UnsubscribeAsync();
        Assert.Equal(1, failing.Failed);
    }

    private async Task<WebApplicationFactory<Program>> HostAsync(Func<IServiceProvider, IOutboxPublisher> publisher)
    {
        var host = await CreateHostAsync(QuickRetries);
        var withPublisher = host.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton(publisher)));
        _hosts.Add(host);
        _hosts.Add(withPublisher);
        return withPublisher;
    }

    private static StreamOutboxPublisher RealPublisher(IServiceProvider services) => ActivatorUtilities.CreateInstance<StreamOutboxPublisher>(services);

    private static Task<(string LeadId, string EventId)> DeliverPositiveReplyAsync(HttpClient client) => PositiveReplies.DeliverAsync(client);

    private static async Task<string> SignalIdAsync(HttpClient client, string leadId)
    {
        using var response = await client.GetAsync($"/api/leads/{leadId}/signals");
        var signals = (await response.ReadJsonAsync()).GetProperty("signals").EnumerateArray();
        return signals.Single(s => s.Str("type") == "positive-reply").Str("id");
    }

    private static async Task EventuallyAsync(Func<bool> happened, string otherwise)
    {
        for (var waited = TimeSpan.Zero; !happened(); waited += TimeSpan.FromMilliseconds(100))
        {
            Assert.True(waited < Patience, $"{otherwise} within {Patience.TotalSeconds} s.");
            await Task.Delay(100);
        }
    }
}

public sealed class EmbeddedAtLeastOnceDeliveryTests : AtLeastOnceDeliveryContract
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-delivery-").FullName;

    protected override Task<ConversationsHostFactory> CreateHostAsync(IDictionary<string, string?> settings) =>
        Task.FromResult(ConversationsHostFactory.Embedded(_dataDirectory, settings));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class PostgreSqlAtLeastOnceDeliveryTests(PostgreSql.PostgresServerFixture postgres)
    : AtLeastOnceDeliveryContract, IClassFixture<PostgreSql.PostgresServerFixture>
{
    private string? _connectionString;

    protected override async Task<ConversationsHostFactory> CreateHostAsync(IDictionary<string, string?> settings) =>
        ConversationsHostFactory.PostgreSql(_connectionString ??= await postgres.CreateDatabaseAsync(), settings);
}
