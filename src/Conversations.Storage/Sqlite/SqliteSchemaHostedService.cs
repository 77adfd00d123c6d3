using Microsoft.Extensions.Hosting;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// Opens the embedded file (which applies its schema) at startup, before the silo: otherwise the first grain
/// to need storage would open it, blocking its turn.
/// </summary>
internal sealed class SqliteSchemaHostedService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        OffTheCallersThread.Run(() => services.GetService(typeof(SqliteDatabase)), cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
