namespace Conversations.Abstractions.Timeline;

/// <summary>
/// Where a page of a lead's timeline ended: the last entry's stored occurred-at (UTC ticks, as the store keeps
/// it) and its position. The next page starts after it in (occurred-at, position) order.
/// </summary>
public readonly record struct TimelineCursor(long OccurredAtUtcTicks, long Position);
