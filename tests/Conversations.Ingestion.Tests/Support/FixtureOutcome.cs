namespace Conversations.Ingestion.Tests.Support;

/// <summary>What normalizing a fixture must give: one event of this shape, an ignore, or a rejection.</summary>
internal sealed record FixtureOutcome
{
    public EventShape? Event { get; private init; }
    public string? IgnoredReason { get; private init; }
    public NormalizationErrorKind? Rejection { get; private init; }

    public static FixtureOutcome Accepted(EventShape shape) => new() { Event = shape };
    public static FixtureOutcome Ignored(string reason) => new() { IgnoredReason = reason };
    public static FixtureOutcome Rejected(NormalizationErrorKind kind) => new() { Rejection = kind };
}
