using Conversations.Storage;
using Conversations.Storage.Sqlite;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Conversations.Host.Hosting;

/// <summary>Says, once the service is up, where it listens, where the dashboard is and where data goes (never credentials).</summary>
internal sealed partial class StartupBanner(
    IServer server,
    IHostApplicationLifetime lifetime,
    IOptions<StorageOptions> storage,
    IOptions<ConversationsClusterOptions> cluster,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) LogListening(logger, address, address.TrimEnd('/') + "/dashboard", address.TrimEnd('/') + "/openapi/v1.json");
            LogStorage(logger, Describe(storage.Value), cluster.Value.ClusterId, cluster.Value.SiloPort, cluster.Value.GatewayPort);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Describe(StorageOptions options)
    {
        if (!options.UsesPostgreSql)
            return $"embedded SQLite at {Path.GetFullPath(Path.Combine(options.DataDirectory, SqliteDatabase.FileName))}";
        var builder = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans.Conversations listening on {Address}; dashboard at {Dashboard}; OpenAPI at {OpenApi}")]
    private static partial void LogListening(ILogger logger, string address, string dashboard, string openApi);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Storage}; cluster {ClusterId}, silo port {SiloPort}, gateway port {GatewayPort}")]
    private static partial void LogStorage(ILogger logger, string storage, string clusterId, int siloPort, int gatewayPort);
}
