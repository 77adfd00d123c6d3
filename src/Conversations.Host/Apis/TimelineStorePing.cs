using Conversations.Abstractions.Timeline;

namespace Conversations.Host.Apis;

internal static class TimelineStorePing
{
    /// <summary>Pings the store within <paramref name="timeout"/>: null when it answered, else why it did not.</summary>
    public static async Task<Exception?> FailureOfPingAsync(this ITimelineStore timeline, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(timeout);
            await timeline.PingAsync(deadline.Token);
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
