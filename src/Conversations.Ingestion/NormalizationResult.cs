using Conversations.Abstractions.Events;

namespace Conversations.Ingestion;

/// <summary>
/// The outcome of normalizing one delivery: events to append, a delivery deliberately ignored (an event type
/// this service does not handle), or a rejection that says what is wrong with the input.
/// </summary>
public sealed record NormalizationResult
{
    public IReadOnlyList<ConversationEvent> Events { get; private init; } = [];

    /// <summary>In a batch, the events that could not be used (the others are accepted): each names its index.</summary>
    public IReadOnlyList<NormalizationError> RejectedEvents { get; private init; } = [];
    public string? IgnoredReason { get; private init; }
    public NormalizationError? Error { get; private init; }

    public bool IsRejected => Error is not null;
    public bool IsIgnored => IgnoredReason is not null;

    public static NormalizationResult Accepted(params IReadOnlyList<ConversationEvent> events) => new() { Events = events };

    public static NormalizationResult PartlyAccepted(IReadOnlyList<ConversationEvent> events, IReadOnlyList<NormalizationError> rejectedEvents) =>
        new() { Events = events, RejectedEvents = rejectedEvents };
    public static NormalizationResult Ignored(string reason) => new() { IgnoredReason = reason };
    public static NormalizationResult Rejected(NormalizationErrorKind kind, string detail) => new() { Error = new(kind, detail) };
}

/// <summary>Why a delivery was rejected; <see cref="Detail"/> is safe to show to the sender (no payload data).</summary>
public sealed record NormalizationError(NormalizationErrorKind Kind, string Detail);

public enum NormalizationErrorKind
{
    /// <summary>The body is not JSON, or not a JSON object.</summary>
    MalformedJson,
    /// <summary>JSON, but a required field is missing, has the wrong type or an unusable value.</summary>
    InvalidPayload,
    /// <summary>Nothing in the event identifies a lead (no usable email, LinkedIn profile or phone).</summary>
    NoLeadIdentity,
}
