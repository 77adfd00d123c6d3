using Conversations.Abstractions.Outbox;
using Conversations.Storage.Outbox;
using Conversations.Storage.PostgreSql;
using Conversations.Storage.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Conversations.Storage;

public static class StorageServiceCollectionExtensions
{
    /// <summary>
    /// Registers everything stored for the backend the configuration names (PostgreSQL when a connection string is
    /// configured, else the embedded SQLite file): the timeline store, the delivery archive, the stream outbox, Orleans grain storage
    /// for the lead snapshots and stream subscriptions, and the schema applied at startup. The options are
    /// validated once, at startup; the returned backend is also registered for the silo's clustering choice.
    /// </summary>
    /// <remarks>Call before the silo is added, so the schema is applied before Orleans first reads it.</remarks>
    public static StorageBackend AddConversationsStorage(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = StorageOptions.PostgreSqlConnectionStringIn(configuration);
        var backend = string.IsNullOrWhiteSpace(connectionString) ? StorageBackend.Sqlite : StorageBackend.PostgreSql;

        services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        services.AddOptions<StorageOptions>()
            .Bind(configuration.GetSection(StorageOptions.SectionName))
            .Configure(options => options.PostgreSqlConnectionString = StorageOptions.PostgreSqlConnectionStringIn(configuration))
            .ValidateOnStart();
        services.AddSingleton(backend);
        services.AddSingleton<IValidateOptions<OutboxOptions>, OutboxOptionsValidator>();
        services.AddOptions<OutboxOptions>().Bind(configuration.GetSection(OutboxOptions.SectionName)).ValidateOnStart();
        services.AddSingleton(sp => new OutboxFeed(sp.GetRequiredService<IOptions<OutboxOptions>>().Value));
        services.TryAddSingleton(TimeProvider.System);

        // State is written with Orleans' own serializer: types are identified by their stable [Alias], so renaming
        // a .NET type does not orphan stored rows (the JSON default stores .NET type names). Orleans only TryAdds its default.
        services.AddSingleton<IGrainStorageSerializer, OrleansGrainStorageSerializer>();

        if (backend == StorageBackend.PostgreSql) services.AddPostgreSqlStorage();
        else services.AddSqliteStorage();
        return backend;
    }
}
