using System.Runtime.CompilerServices;
using Conversations.Host.Webhooks;
using Conversations.Ingestion;
using Conversations.Storage.Archive;

namespace Conversations.Host.Replay;

/// <summary>
/// Runs stored deliveries through today's normalizers, in archive order, page by page. Event ids are
/// deterministic, so replaying is idempotent: it only adds what was missed (for example events of a type
/// that was not supported when they arrived). Deliveries were authenticated when they arrived; they are not
/// verified again (their signatures may have expired).
/// </summary>
public sealed partial class DeliveryReplayer(
    IDeliveryArchive archive,
    WebhookProviders providers,
    LeadGrainAppender appender,
    ILogger<DeliveryReplayer> logger)
{
    private const int PageSize = 200;

    public async IAsyncEnumerable<ReplayProgress> ReplayAsync(ReplayRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = new DeliveryFilter(request.Provider?.Trim().ToLowerInvariant(), request.From, request.To);
        var progress = ReplayProgress.After(request.After ?? 0);
        LogStarted(logger, filter.Provider ?? "all providers", filter.From, filter.To, progress.LastDeliveryId);
        while (await NextPageAsync(filter, progress, cancellationToken) is { } next)
        {
            yield return next;
            if (next.Type == ReplayLineType.Error) yield break;
            progress = next;
        }
        LogFinished(logger, progress.Deliveries, progress.Events, progress.Applied, progress.Duplicates, progress.Ignored, progress.Rejected);
        yield return progress with { Type = ReplayLineType.Summary };
    }

    /// <summary>The progress after the next page; null when no delivery is left; an error line when the page failed.</summary>
    private async Task<ReplayProgress?> NextPageAsync(DeliveryFilter filter, ReplayProgress progress, CancellationToken cancellationToken)
    {
        IReadOnlyList<ArchivedDelivery> page;
        try
        {
            page = await archive.ReadAsync(filter, progress.LastDeliveryId, PageSize, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception, progress.LastDeliveryId);
            return Failed(progress, "reading the archive failed");
        }
        if (page.Count == 0) return null;

        try
        {
            var outcomes = await Task.WhenAll(page.Select(ReplayOneAsync));
            var next = outcomes.Aggregate(progress, Add) with { LastDeliveryId = page[^1].Id };
            LogProgress(logger, next.Deliveries, next.Applied, next.LastDeliveryId);
            return next;
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, exception, progress.LastDeliveryId);
            return Failed(progress, $"storing the events of deliveries {page[0].Id} to {page[^1].Id} failed");
        }
    }

    // The page that failed is not counted: some of its events may be stored, and resuming runs it again (idempotent).
    private static ReplayProgress Failed(ReplayProgress progress, string what) => progress with
    {
        Type = ReplayLineType.Error,
        Detail = $"Replay stopped: {what}. Deliveries up to {progress.LastDeliveryId} are done; " +
            $"send \"after\": {progress.LastDeliveryId} to resume.",
    };

    private async Task<ReplayProgress> ReplayOneAsync(ArchivedDelivery stored)
    {
        var delivery = stored.Delivery;
        if (!providers.TryGet(delivery.Provider, out var provider)) return One(rejected: 1);
        using var replayed = WebhookDelivery.Stored(delivery.Body, delivery.ReceivedAt);
        var result = provider.Normalize(replayed);
        if (result.IsRejected) return One(rejected: 1);
        if (result.IsIgnored) return One(ignored: 1);
        var receipt = await appender.AppendAsync(result);
        return One(events: receipt.Events, applied: receipt.Applied, duplicates: receipt.Duplicates);
    }

    private static ReplayProgress One(int events = 0, int applied = 0, int duplicates = 0, int ignored = 0, int rejected = 0) =>
        new(ReplayLineType.Progress, 1, events, applied, duplicates, ignored, rejected, 0);

    private static ReplayProgress Add(ReplayProgress total, ReplayProgress one) => total with
    {
        Deliveries = total.Deliveries + one.Deliveries,
        Events = total.Events + one.Events,
        Applied = total.Applied + one.Applied,
        Duplicates = total.Duplicates + one.Duplicates,
        Ignored = total.Ignored + one.Ignored,
        Rejected = total.Rejected + one.Rejected,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay of {Provider} deliveries received from {From} to {To} started after delivery {After}")]
    private static partial void LogStarted(ILogger logger, string provider, DateTimeOffset? from, DateTimeOffset? to, long after);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay: {Deliveries} deliveries done, {Applied} events added so far (last delivery {LastId})")]
    private static partial void LogProgress(ILogger logger, int deliveries, int applied, long lastId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Replay stopped on a failure after delivery {LastId}; it can resume from there")]
    private static partial void LogFailed(ILogger logger, Exception exception, long lastId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Replay finished: {Deliveries} deliveries, {Events} events, {Applied} added, {Duplicates} already present, {Ignored} ignored, {Rejected} rejected")]
    private static partial void LogFinished(ILogger logger, int deliveries, int events, int applied, int duplicates, int ignored, int rejected);
}
