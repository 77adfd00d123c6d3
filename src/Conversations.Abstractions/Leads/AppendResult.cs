namespace Conversations.Abstractions.Leads;

/// <summary>What an append did: events newly written to the timeline, and those it already held.</summary>
/// <param name="Applied">Events newly written.</param>
/// <param name="Duplicates">Events the timeline already held.</param>
/// <param name="Misrouted">
/// Nothing was written, because the route is out of date: an alias the append claimed belongs to another lead by now
/// (a concurrent delivery, possibly on another silo, linked it first), or the lead was merged into another.
/// </param>
[GenerateSerializer, Immutable, Alias("conversations.AppendResult")]
public sealed record AppendResult(
    [property: Id(0)] int Applied,
    [property: Id(1)] int Duplicates,
    [property: Id(2)] bool Misrouted = false)
{
    public static AppendResult Lost { get; } = new(0, 0, Misrouted: true);
}
