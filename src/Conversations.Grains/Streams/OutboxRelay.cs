using Conversations.Abstractions.Outbox;
using Microsoft.Extensions.Logging;

namespace Conversations.Grains.Streams;

/// <summary>
/// Publishes what the stores commit, at least once. Two loops, from the silo's start to its stop: one publishes the
/// entries this silo committed as they are handed over, the other claims the entries the outbox holds past their time
/// (their silo stopped, or publishing them failed) and publishes them from the tables. An entry leaves the outbox only
/// after all of it was published, so a subscriber may see an item twice, never not at all: items carry ids to dedupe on.
/// </summary>
public sealed partial class OutboxRelay(
    IStreamOutbox outbox, IOutboxPublisher publisher, SignalMetrics signals, TimeProvider clock, ILogger<OutboxRelay> logger)
    : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    /// <summary>Committed entries published together, and acknowledged together, at most.</summary>
    private const int AcknowledgedAtOnce = 256;

    /// <summary>Overdue entries claimed at once.</summary>
    private const int ClaimedAtOnce = 256;

    private readonly CancellationTokenSource _stopping = new();
    private Task _running = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(OutboxRelay), ServiceLifecycleStage.Active, StartAsync, StopAsync);

    private Task StartAsync(CancellationToken cancellationToken)
    {
        // The loops run until the silo stops, not until its start completes.
        _running = Task.WhenAll(
            Task.Run(() => RelayCommittedAsync(_stopping.Token), CancellationToken.None),
            Task.Run(() => SweepAsync(_stopping.Token), CancellationToken.None));
        return Task.CompletedTask;
    }

    private async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        // What is not published yet stays in the outbox for the next start, or another silo.
        await _running.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
    }

    public void Dispose() => _stopping.Dispose();

    private async Task RelayCommittedAsync(CancellationToken stopping)
    {
        var committed = outbox.Feed.Reader;
        try
        {
            while (await committed.WaitToReadAsync(stopping))
            {
                var entries = new List<OutboxEntry>();
                while (entries.Count < AcknowledgedAtOnce && committed.TryRead(out var entry)) entries.Add(entry);
                signals.Stored(entries.SelectMany(entry => entry.Signals));
                await PublishAndAcknowledgeAsync(entries, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task SweepAsync(CancellationToken stopping)
    {
        var options = outbox.Feed.Options;
        using var timer = new PeriodicTimer(options.SweepInterval, clock);
        try
        {
            while (await timer.WaitForNextTickAsync(stopping))
            {
                IReadOnlyList<OutboxEntry> overdue;
                do
                {
                    overdue = await TryClaimOverdueAsync(options.RetryAfter, stopping);
                    if (await PublishAndAcknowledgeAsync(overdue, stopping) is var published and > 0) LogRepublished(logger, published);
                }
                while (overdue.Count == ClaimedAtOnce);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    /// <returns>How many of the entries were published (and are acknowledged, unless that failed).</returns>
    private async Task<int> PublishAndAcknowledgeAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken stopping)
    {
        if (entries.Count == 0) return 0;
        var published = await TryPublishAsync(entries, stopping);
        await TryAcknowledgeAsync(published, stopping);
        return published.Count;
    }

    private async Task<IReadOnlyCollection<Guid>> TryPublishAsync(IReadOnlyList<OutboxEntry> entries, CancellationToken stopping)
    {
        try
        {
            return await publisher.PublishAsync(entries, stopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogPublishFailed(logger, exception, entries.Count);
            return [];
        }
    }

    private async Task TryAcknowledgeAsync(IReadOnlyCollection<Guid> published, CancellationToken stopping)
    {
        if (published.Count == 0) return;
        try
        {
            await outbox.AcknowledgeAsync(published, stopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            // Published but still in the outbox: published again when due, a duplicate and nothing lost.
            LogAcknowledgeFailed(logger, exception, published.Count);
        }
    }

    private async Task<IReadOnlyList<OutboxEntry>> TryClaimOverdueAsync(TimeSpan lease, CancellationToken stopping)
    {
        try
        {
            return await outbox.ClaimOverdueAsync(ClaimedAtOnce, lease, stopping);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stopping.IsCancellationRequested)
        {
            LogClaimFailed(logger, exception);
            return [];
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Publishing {Count} outbox entries failed; they stay in the outbox and are published again when due")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Removing {Count} published entries from the outbox failed; they will be published again")]
    private static partial void LogAcknowledgeFailed(ILogger logger, Exception exception, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Looking for overdue outbox entries failed; looking again at the next sweep")]
    private static partial void LogClaimFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Published {Count} overdue outbox entries (their silo stopped or publishing them failed before)")]
    private static partial void LogRepublished(ILogger logger, int count);
}
