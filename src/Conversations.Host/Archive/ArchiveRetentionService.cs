using Conversations.Storage.Archive;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Archive;

/// <summary>Deletes raw deliveries older than the retention, at startup and then periodically.</summary>
internal sealed partial class ArchiveRetentionService(
    IDeliveryArchive archive,
    IOptions<ArchiveOptions> options,
    TimeProvider clock,
    ILogger<ArchiveRetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionDays == 0) return;
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, clock);
        do
        {
            try
            {
                var cutoff = clock.GetUtcNow().AddDays(-options.Value.RetentionDays);
                var deleted = await archive.DeleteReceivedBeforeAsync(cutoff, stoppingToken);
                if (deleted > 0) LogDeleted(logger, deleted, options.Value.RetentionDays);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} raw deliveries older than {Days} days")]
    private static partial void LogDeleted(ILogger logger, int count, int days);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Deleting expired raw deliveries failed; will retry")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
