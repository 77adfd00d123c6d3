using Conversations.Abstractions;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;
using Conversations.Abstractions.Timeline;
using Conversations.Storage.Archive;
using Conversations.Storage.Merges;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace Conversations.Storage.Sqlite;

internal static class SqliteStorageRegistration
{
    public static void AddSqliteStorage(this IServiceCollection services)
    {
        services.AddSingleton(sp => new SqliteDatabase(Options(sp).DataDirectory));
        services.AddSingleton<ITimelineStore>(sp => new SqliteTimelineStore(
            sp.GetRequiredService<SqliteDatabase>(), Options(sp).MaxBatchSize, sp.GetRequiredService<OutboxFeed>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IStreamOutbox>(sp => new SqliteStreamOutbox(
            sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<OutboxFeed>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISignalFeed>(sp => new SqliteSignalFeed(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ILeadDirectory>(sp => new SqliteLeadDirectory(sp.GetRequiredService<SqliteDatabase>()));
        services.AddSingleton<ILeadMerges>(sp =>
        {
            var database = sp.GetRequiredService<SqliteDatabase>();
            return new LeadMerges((writes, cancellationToken) => SqliteLeadMergeSession.BeginAsync(database, writes, cancellationToken));
        });
        services.AddSingleton<IDeliveryArchive>(sp => new SqliteDeliveryArchive(sp.GetRequiredService<SqliteDatabase>(), Options(sp).MaxBatchSize));
        foreach (var name in new[] { StorageNames.LeadSnapshots, StorageNames.CampaignAlarms, StorageNames.PubSub })
        {
            services.AddKeyedSingleton<IGrainStorage>(name, (sp, _) =>
                new SqliteGrainStorage(sp.GetRequiredService<SqliteDatabase>(), sp.GetRequiredService<IGrainStorageSerializer>()));
        }
        services.AddHostedService<SqliteSchemaHostedService>();
    }

    private static StorageOptions Options(IServiceProvider services) => services.GetRequiredService<IOptions<StorageOptions>>().Value;
}
