using Conversations.LoadTest.Workload;

namespace Conversations.LoadTest.Measurement;

/// <summary>
/// What one request loop saw during one phase (warm-up or measured). Each loop owns its own instance, so
/// recording needs no locks; the runner merges them when the loops have stopped.
/// </summary>
internal sealed class PhaseStats
{
    public long Requests { get; private set; }
    public long Success { get; private set; }
    public long Applied { get; private set; }
    public long Duplicates { get; private set; }
    public long ReceiptsWithApplied { get; private set; }
    public long LastCompletedTimestamp { get; private set; }
    public Dictionary<int, long> NonSuccessByStatus { get; } = [];
    public Dictionary<string, long> ErrorsByType { get; } = [];
    public long[] ByKind { get; } = new long[Enum.GetValues<DeliveryKind>().Length];
    public List<long> LatencyTicks { get; } = [];

    public void RecordResponse(DeliveryKind kind, int status, Receipt? receipt, long latencyTicks, long completedAt)
    {
        Count(kind, completedAt);
        LatencyTicks.Add(latencyTicks);
        if (status is < 200 or > 299)
        {
            NonSuccessByStatus[status] = NonSuccessByStatus.GetValueOrDefault(status) + 1;
            return;
        }
        Success++;
        if (receipt is { Applied: { } applied })
        {
            Applied += applied;
            ReceiptsWithApplied++;
        }
        else
        {
            // An endpoint that does not say how many events it stored (the no-op) is credited one per 2xx.
            Applied++;
        }
        Duplicates += receipt?.Duplicates ?? 0;
    }

    public void RecordError(DeliveryKind kind, string error, long completedAt)
    {
        Count(kind, completedAt);
        ErrorsByType[error] = ErrorsByType.GetValueOrDefault(error) + 1;
    }

    public void Add(PhaseStats other)
    {
        Requests += other.Requests;
        Success += other.Success;
        Applied += other.Applied;
        Duplicates += other.Duplicates;
        ReceiptsWithApplied += other.ReceiptsWithApplied;
        LastCompletedTimestamp = Math.Max(LastCompletedTimestamp, other.LastCompletedTimestamp);
        foreach (var (status, count) in other.NonSuccessByStatus) NonSuccessByStatus[status] = NonSuccessByStatus.GetValueOrDefault(status) + count;
        foreach (var (type, count) in other.ErrorsByType) ErrorsByType[type] = ErrorsByType.GetValueOrDefault(type) + count;
        for (var i = 0; i < ByKind.Length; i++) ByKind[i] += other.ByKind[i];
        LatencyTicks.AddRange(other.LatencyTicks);
    }

    private void Count(DeliveryKind kind, long completedAt)
    {
        Requests++;
        ByKind[(int)kind]++;
        LastCompletedTimestamp = Math.Max(LastCompletedTimestamp, completedAt);
    }
}
