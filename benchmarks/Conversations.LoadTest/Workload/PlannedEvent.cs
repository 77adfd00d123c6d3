namespace Conversations.LoadTest.Workload;

/// <summary>
/// One event in a lead's sequence: which enrolment (<paramref name="Round"/>) and email step it belongs to,
/// its campaign, and when it happened. The link is set for clicks only.
/// </summary>
internal sealed record PlannedEvent(DeliveryKind Kind, int Round, int Step, int CampaignIndex, DateTimeOffset At, string? Link = null);
