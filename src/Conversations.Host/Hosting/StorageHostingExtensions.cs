using Conversations.Abstractions.Timeline;
using Conversations.Storage;
using Conversations.Storage.Archive;
using Conversations.Storage.PostgreSql;
using Conversations.Storage.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Host.Hosting;

public static class StorageHostingExtensions
{
    /// <summary>
    /// Reads the storage settings (PostgreSQL when a connection string is configured, else the embedded SQLite
    /// file), registers the timeline store, and applies the PostgreSQL schema before the silo starts.
    /// </summary>
    public static StorageOptions AddConversationsStorage(this WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(StorageOptions.SectionName);
        var options = section.Get<StorageOptions>() ?? new StorageOptions();
        options.PostgreSqlConnectionString ??= builder.Configuration.GetConnectionString("PostgreSql");

        builder.Services.AddSingleton<IValidateOptions<StorageOptions>, StorageOptionsValidator>();
        builder.Services.AddOptions<StorageOptions>()
            .Configure(o =>
            {
                section.Bind(o);
                o.PostgreSqlConnectionString ??= options.PostgreSqlConnectionString;
            })
            .ValidateOnStart();

        if (options.UsesPostgreSql)
        {
            builder.Services.AddSingleton(_ => PostgreSqlDataSource.Create(options.PostgreSqlConnectionString!));
            builder.Services.AddSingleton<ITimelineStore>(sp =>
                new PostgreSqlTimelineStore(sp.GetRequiredService<NpgsqlDataSource>(), options.MaxBatchSize, options.Writers));
            builder.Services.AddSingleton<IDeliveryArchive>(sp =>
                new PostgreSqlDeliveryArchive(sp.GetRequiredService<NpgsqlDataSource>(), options.MaxBatchSize, options.Writers));
            // Registered before the silo so the schema exists when Orleans clustering first reads it.
            builder.Services.AddHostedService<PostgreSqlSchemaHostedService>();
        }
        else
        {
            builder.Services.AddSingleton(_ => new SqliteDatabase(options.DataDirectory));
            builder.Services.AddSingleton<ITimelineStore>(sp =>
                new SqliteTimelineStore(sp.GetRequiredService<SqliteDatabase>(), options.MaxBatchSize));
            builder.Services.AddSingleton<IDeliveryArchive>(sp =>
                new SqliteDeliveryArchive(sp.GetRequiredService<SqliteDatabase>(), options.MaxBatchSize));
        }
        return options;
    }
}
