namespace Conversations.Host.Webhooks;

/// <summary>
/// What the service did with an authentic, well-formed delivery. Written as <c>accepted</c> / <c>ignored</c> in the
/// answer's <c>outcome</c> and, through <c>StableNames</c>, in the archive: stored values, so a value is never renamed.
/// </summary>
public enum WebhookOutcome
{
    /// <summary>Its events were appended.</summary>
    Accepted,

    /// <summary>It reports nothing this service records; it was archived only.</summary>
    Ignored,
}
