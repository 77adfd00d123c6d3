namespace Conversations.Abstractions.Timeline;

/// <summary>A slice of a lead's timeline in occurred-at order; <see cref="Next"/> is null when it is the last one.</summary>
public sealed record TimelinePage(IReadOnlyList<TimelineEntry> Entries, TimelineCursor? Next);
