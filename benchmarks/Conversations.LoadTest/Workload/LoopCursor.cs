namespace Conversations.LoadTest.Workload;

/// <summary>
/// One request loop's place in the workload: its own random source, and the rest of the lead step it is
/// delivering. A loop delivers a step's events (sent, opened, clicked, replied) one after another, so the
/// mix of kinds is the funnel's from the first second on, whatever the request rate.
/// </summary>
internal sealed class LoopCursor(int seed)
{
    public Random Random { get; } = new(seed);

    public LeadJourney? Lead { get; set; }

    public Queue<PlannedEvent> Pending { get; } = new();
}
