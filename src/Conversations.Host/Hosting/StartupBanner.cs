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
    StorageBackend backend,
    IOptions<StorageOptions> storage,
    IOptions<ConversationsClusterOptions> cluster,
    ClusterTls clusterTls,
    ILogger<StartupBanner> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            foreach (var address in addresses) LogListening(logger, address, address.TrimEnd('/') + "/dashboard", address.TrimEnd('/') + "/openapi/v1.json");
            LogStorage(logger, Describe(backend, storage.Value), cluster.Value.ClusterId, cluster.Value.SiloPort, cluster.Value.GatewayPort);
            if (clusterTls.Enabled) LogClusterTlsOn(logger, clusterTls.Certificate.Thumbprint, clusterTls.AllowedThumbprintCount, ClusterTlsOptions.SectionName);
            else if (backend == StorageBackend.PostgreSql) LogClusterTlsOffOnEveryAddress(logger, ClusterTlsOptions.SectionName);
            else LogClusterTlsOffOnLoopback(logger);
        });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static string Describe(StorageBackend backend, StorageOptions options)
    {
        if (backend == StorageBackend.Sqlite)
            return $"embedded SQLite at {Path.GetFullPath(Path.Combine(options.DataDirectory, SqliteDatabase.FileName))}";
        var builder = new NpgsqlConnectionStringBuilder(options.PostgreSqlConnectionString);
        return $"PostgreSQL {builder.Host}:{builder.Port}/{builder.Database}";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Orleans.Conversations listening on {Address}; dashboard at {Dashboard}; OpenAPI at {OpenApi}")]
    private static partial void LogListening(ILogger logger, string address, string dashboard, string openApi);

    [LoggerMessage(Level = LogLevel.Information, Message = "Storage: {Storage}; cluster {ClusterId}, silo port {SiloPort}, gateway port {GatewayPort}")]
    private static partial void LogStorage(ILogger logger, string storage, string clusterId, int siloPort, int gatewayPort);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster TLS on: certificate {Thumbprint}; silos and clients must present it or one of the {AllowedCount} certificates in {Section}:AllowedThumbprints")]
    private static partial void LogClusterTlsOn(ILogger logger, string thumbprint, int allowedCount, string section);

    [LoggerMessage(Level = LogLevel.Information, Message = "Cluster TLS off: silo and gateway ports listen on 127.0.0.1 only")]
    private static partial void LogClusterTlsOffOnLoopback(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cluster TLS off: silo and gateway ports listen on every address without authentication. Keep them off untrusted networks, or set {Section}:CertificatePath")]
    private static partial void LogClusterTlsOffOnEveryAddress(ILogger logger, string section);
}
