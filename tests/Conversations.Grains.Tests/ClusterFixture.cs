using Conversations.Abstractions.Streams;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Conversations.Grains.Signals;
using Conversations.Grains.Streams;
using Conversations.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Orleans.TestingHost;

namespace Conversations.Grains.Tests;

/// <summary>
/// One in-process cluster shared by the grain tests, wired by the service's own AddConversationsStorage on the
/// embedded backend: a real SQLite file in a temporary folder.
/// </summary>
public sealed class ClusterFixture : IAsyncLifetime
{
    private const string DataDirectoryKey = $"{StorageOptions.SectionName}:{nameof(StorageOptions.DataDirectory)}";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-grains-").FullName;

    /// <summary>Short, so that tests see a campaign's alarm recover without waiting long.</summary>
    public static readonly TimeSpan CampaignRecheckInterval = TimeSpan.FromMilliseconds(200);

    public TestCluster Cluster { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(initialSilosCount: 1);
        builder.Properties[DataDirectoryKey] = _dataDirectory;
        builder.Properties[$"{StreamPublishingOptions.SectionName}:{nameof(StreamPublishingOptions.EventsByKindAndCampaign)}"] = "true";
        builder.AddSiloBuilderConfigurator<SiloConfigurator>();
        builder.AddClientBuilderConfigurator<ClientConfigurator>();
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    private sealed class SiloConfigurator : IHostConfigurator
    {
        public void Configure(IHostBuilder hostBuilder) => hostBuilder
            .ConfigureServices((context, services) =>
            {
                services.AddConversationsStorage(context.Configuration);
                services.AddSingleton(TimeProvider.System);
                services.AddSingleton(new SignalDetector(new SignalRuleOptions(), ReplyIntentClassifier.Default));
                services.AddSingleton(Options.Create(new SignalRuleOptions { CampaignRecheckInterval = CampaignRecheckInterval }));
            })
            .UseOrleans(silo =>
            {
                silo.AddMemoryStreams(StreamNames.Provider);
                silo.Services.AddOutboxRelay();
            });
    }

    private sealed class ClientConfigurator : IClientBuilderConfigurator
    {
        public void Configure(IConfiguration configuration, IClientBuilder clientBuilder) =>
            clientBuilder.AddMemoryStreams(StreamNames.Provider);
    }
}

[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
