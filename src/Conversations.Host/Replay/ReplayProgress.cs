namespace Conversations.Host.Replay;

/// <summary>
/// One line of a replay's answer (newline-delimited JSON): <c>progress</c> lines while it runs, then one
/// <c>summary</c>. Counts are cumulative.
/// </summary>
public sealed record ReplayProgress(
    string Type,
    int Deliveries,
    int Events,
    int Applied,
    int Duplicates,
    int Ignored,
    int Rejected,
    long LastDeliveryId)
{
    public static ReplayProgress Start { get; } = new("progress", 0, 0, 0, 0, 0, 0, 0);
}
