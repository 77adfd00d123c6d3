using Conversations.Abstractions.Events;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// A conversation event recorded as <see cref="EventKind.StatusUpdated"/>: the status written to the event's
/// subject, the entity's time field it happened at, and who acted (an operator attends; nobody misses or ends).
/// </summary>
internal sealed record SalesIqStatus(string Label, string TimeField, Direction Direction)
{
    public static readonly SalesIqStatus Attended = new("attended", "attended_time", Direction.Outbound);
    public static readonly SalesIqStatus Missed = new("missed", "missed_time", Direction.None);
    public static readonly SalesIqStatus Ended = new("ended", "end_time", Direction.None);

    /// <summary>The label of a rating, which has no time field of its own.</summary>
    public const string RatedLabel = "rated";
}
