using Conversations.Abstractions;
using Conversations.Abstractions.Timeline;
using Conversations.Storage;
using Conversations.Storage.Archive;
using Conversations.Storage.PostgreSql;
using Conversations.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Serialization;
using Orleans.Storage;

namespace Conversations.Host.Tests.Storage;

/// <summary>AddConversationsStorage picks the backend from the configuration once and registers that backend's parts.</summary>
public sealed class StorageRegistrationTests : IDisposable
{
    private const string PostgreSqlConnectionString = "Host=127.0.0.1;Port=5432;Database=conversations;Username=conversations";
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-registration-").FullName;

    [Fact]
    public async Task AddConversationsStorage_WithoutConnectionString_RegistersTheEmbeddedSqliteStore()
    {
        var services = new ServiceCollection().AddLogging().AddSerializer();

        var backend = services.AddConversationsStorage(Configuration(new() { ["Conversations:Storage:DataDirectory"] = _dataDirectory }));

        Assert.Same(StorageBackend.Sqlite, backend);
        await using var provider = services.BuildServiceProvider();
        Assert.Same(backend, provider.GetRequiredService<StorageBackend>());
        Assert.IsType<SqliteTimelineStore>(provider.GetRequiredService<ITimelineStore>());
        Assert.IsType<SqliteDeliveryArchive>(provider.GetRequiredService<IDeliveryArchive>());
        Assert.IsType<SqliteGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>(StorageNames.LeadSnapshots));
        Assert.IsType<SqliteGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>(StorageNames.CampaignAlarms));
        Assert.IsType<SqliteGrainStorage>(provider.GetRequiredKeyedService<IGrainStorage>(StorageNames.PubSub));
        Assert.IsType<OrleansGrainStorageSerializer>(provider.GetRequiredService<IGrainStorageSerializer>());
        Assert.True(File.Exists(Path.Combine(_dataDirectory, SqliteDatabase.FileName)));
    }

    [Theory]
    [InlineData("ConnectionStrings:PostgreSql")]
    [InlineData("Conversations:Storage:PostgreSqlConnectionString")]
    public async Task AddConversationsStorage_WithConnectionString_RegistersPostgreSqlEverywhere(string key)
    {
        var services = new ServiceCollection().AddLogging().AddSerializer();

        var backend = services.AddConversationsStorage(Configuration(new() { [key] = PostgreSqlConnectionString }));

        Assert.Same(StorageBackend.PostgreSql, backend);
        Assert.Contains(services, d => d.ServiceType == typeof(IHostedService) && d.ImplementationType?.Name == "PostgreSqlSchemaHostedService");
        await using var provider = services.BuildServiceProvider();
        Assert.Same(backend, provider.GetRequiredService<StorageBackend>());
        Assert.Equal(PostgreSqlConnectionString, provider.GetRequiredService<IOptions<StorageOptions>>().Value.PostgreSqlConnectionString);
        Assert.IsType<PostgreSqlTimelineStore>(provider.GetRequiredService<ITimelineStore>());
        Assert.IsType<PostgreSqlDeliveryArchive>(provider.GetRequiredService<IDeliveryArchive>());
        Assert.Null(provider.GetService<SqliteDatabase>());
        foreach (var name in new[] { StorageNames.LeadSnapshots, StorageNames.CampaignAlarms, StorageNames.PubSub })
        {
            Assert.Contains(services, d => d.ServiceType == typeof(IGrainStorage) && Equals(d.ServiceKey, name));
            var grainStorage = provider.GetRequiredService<IOptionsMonitor<AdoNetGrainStorageOptions>>().Get(name);
            Assert.Equal(PostgreSqlDataSource.AdoNetInvariant, grainStorage.Invariant);
            Assert.Equal(PostgreSqlConnectionString, grainStorage.ConnectionString);
        }
    }

    [Theory]
    [InlineData("Conversations:Storage:MaxBatchSize", "0", "Conversations:Storage:MaxBatchSize")]
    [InlineData("Conversations:Storage:Writers", "65", "Conversations:Storage:Writers")]
    [InlineData("ConnectionStrings:PostgreSql", "Password=hunter2;no-such-key=1", "Conversations:Storage:PostgreSqlConnectionString")]
    public async Task Start_WhenAStorageSettingIsInvalid_FailsNamingItWithoutItsValue(string key, string value, string named)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Conversations:Storage:DataDirectory"] = _dataDirectory,
            [key] = value,
        });
        builder.Services.AddConversationsStorage(builder.Configuration);
        using var host = builder.Build();

        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var message = string.Join(" ", failure.Failures);
        Assert.Contains(named, message);
        Assert.DoesNotContain("hunter2", message);
    }

    private static IConfiguration Configuration(Dictionary<string, string?> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings).Build();

    public void Dispose()
    {
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
