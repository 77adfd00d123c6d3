using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Conversations.Storage.PostgreSql;

/// <summary>Applies the PostgreSQL schema (idempotent, versioned) at startup, before the silo joins the cluster.</summary>
internal sealed partial class PostgreSqlSchemaHostedService(
    IOptions<StorageOptions> options,
    ILogger<PostgreSqlSchemaHostedService> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.ApplySchemaOnStartup) return;
        var applied = await new PostgreSqlSchemaMigrator().ApplyAsync(options.Value.PostgreSqlConnectionString!, cancellationToken);
        LogSchemaApplied(logger, applied.Count, string.Join(", ", applied));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "PostgreSQL schema up to date ({Count} scripts newly applied: {Scripts})")]
    private static partial void LogSchemaApplied(ILogger logger, int count, string scripts);
}
