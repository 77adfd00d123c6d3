using Conversations.Abstractions;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Archive;
using Conversations.Storage.Merges;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Storage.PostgreSql;

internal static class PostgreSqlStorageRegistration
{
    public static void AddPostgreSqlStorage(this IServiceCollection services)
    {
        // First, so the schema exists before anything registered after it (the silo's clustering) reads it.
        services.AddHostedService<PostgreSqlSchemaHostedService>();
        services.AddSingleton(sp => PostgreSqlDataSource.Create(Options(sp).PostgreSqlConnectionString!));
        services.AddSingleton<ITimelineStore>(sp =>
            new PostgreSqlTimelineStore(sp.GetRequiredService<NpgsqlDataSource>(), Options(sp).MaxBatchSize, Options(sp).Writers, sp.GetRequiredService<OutboxFeed>()));
        services.AddSingleton<IStreamOutbox>(sp => new PostgreSqlStreamOutbox(sp.GetRequiredService<NpgsqlDataSource>(), sp.GetRequiredService<OutboxFeed>()));
        services.AddSingleton<ISignalFeed>(sp => new PostgreSqlSignalFeed(sp.GetRequiredService<NpgsqlDataSource>()));
        services.AddKeyedSingleton(nameof(PostgreSqlLeadDirectory), (sp, _) =>
            PostgreSqlDataSource.CreateForGrowingLookups(Options(sp).PostgreSqlConnectionString!));
        // One reader: lookups that arrive while one is running wait and go together, so a burst of new people costs a
        // few round trips and a single busy backend, not one per writer.
        services.AddSingleton<ILeadDirectory>(sp => new PostgreSqlLeadDirectory(
            sp.GetRequiredKeyedService<NpgsqlDataSource>(nameof(PostgreSqlLeadDirectory)), Options(sp).MaxBatchSize, readers: 1));
        // Merges read tables that grow from empty (lead_lineage, lead_merges): planned per call, like the lookups.
        services.AddSingleton<ILeadMerges>(sp =>
        {
            var dataSource = sp.GetRequiredKeyedService<NpgsqlDataSource>(nameof(PostgreSqlLeadDirectory));
            return new LeadMerges((_, cancellationToken) => PostgreSqlLeadMergeSession.BeginAsync(dataSource, cancellationToken));
        });
        services.AddSingleton<IDeliveryArchive>(sp =>
            new PostgreSqlDeliveryArchive(sp.GetRequiredService<NpgsqlDataSource>(), Options(sp).MaxBatchSize, Options(sp).Writers));
        foreach (var name in new[] { StorageNames.LeadSnapshots, StorageNames.CampaignAlarms, StorageNames.PubSub })
        {
            services.AddAdoNetGrainStorage(name, grainStorage => grainStorage.Configure<IOptions<StorageOptions>>((o, storage) =>
            {
                o.Invariant = PostgreSqlDataSource.AdoNetInvariant;
                o.ConnectionString = storage.Value.PostgreSqlConnectionString;
            }));
        }
    }

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
