using Conversations.Abstractions.Events;

namespace Conversations.Ingestion;

/// <summary>
/// The outcome of normalizing one delivery: events to append, each with the key of the lead it belongs to; a
/// delivery deliberately ignored (an event type this service does not handle); or a rejection that says what is
/// wrong with the input.
/// </summary>
public sealed record NormalizationResult
{
    /// <summary>The accepted events, in delivery order.</summary>
    public IReadOnlyList<ConversationEvent> Events { get; private init; } = [];

    /// <summary>The accepted events by lead, leads in order of first appearance: the key was found while normalizing.</summary>
    public IReadOnlyList<LeadEvents> Leads { get; private init; } = [];

    /// <summary>In a batch, the events that could not be used (the others are accepted): each names its index.</summary>
    public IReadOnlyList<NormalizationError> RejectedEvents { get; private init; } = [];
    public string? IgnoredReason { get; private init; }
    public NormalizationError? Error { get; private init; }

    public bool IsRejected => Error is not null;
    public bool IsIgnored => IgnoredReason is not null;

    /// <summary>Events of one lead, keyed <paramref name="leadKey"/>.</summary>
    /// <remarks>An array, not a params list: the events are sent to a grain, and Orleans serializes arrays but not the
    /// list types the compiler makes up for params collections.</remarks>
    public static NormalizationResult Accepted(string leadKey, params ConversationEvent[] events) =>
        new() { Events = events, Leads = [new LeadEvents(leadKey, events)] };

    /// <summary>The events of several results (a batch), grouped by lead, with the events that could not be used.</summary>
    public static NormalizationResult PartlyAccepted(IEnumerable<NormalizationResult> accepted, IReadOnlyList<NormalizationError> rejectedEvents)
    {
        var parts = accepted.SelectMany(result => result.Leads).ToList();
        var leads = parts
            .GroupBy(part => part.LeadKey, StringComparer.Ordinal)
            .Select(group => new LeadEvents(group.Key, group.SelectMany(part => part.Events).ToList()))
            .ToList();
        return new() { Events = parts.SelectMany(part => part.Events).ToList(), Leads = leads, RejectedEvents = rejectedEvents };
    }

    public static NormalizationResult Ignored(string reason) => new() { IgnoredReason = reason };
    public static NormalizationResult Rejected(NormalizationErrorKind kind, string detail) => new() { Error = new(kind, detail) };
}

/// <summary>Accepted events that belong to one lead, and its key.</summary>
public sealed record LeadEvents(string LeadKey, IReadOnlyList<ConversationEvent> Events);

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
