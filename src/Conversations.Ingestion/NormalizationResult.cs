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

    /// <summary>The accepted events by the alias they arrived under, in order of first appearance, each with every alias its events carry.</summary>
    public IReadOnlyList<LeadEvents> Leads { get; private init; } = [];

    /// <summary>In a batch, the events that could not be used (the others are accepted): each names its index.</summary>
    public IReadOnlyList<NormalizationError> RejectedEvents { get; private init; } = [];
    public string? IgnoredReason { get; private init; }
    public NormalizationError? Error { get; private init; }

    public bool IsRejected => Error is not null;
    public bool IsIgnored => IgnoredReason is not null;

    /// <summary>Events of one person, who goes by <paramref name="aliases"/> (see <see cref="LeadEvents.Aliases"/>).</summary>
    /// <remarks>An array, not a params list: the events are sent to a grain, and Orleans serializes arrays but not the
    /// list types the compiler makes up for params collections.</remarks>
    public static NormalizationResult Accepted(IReadOnlyList<string> aliases, params ConversationEvent[] events) =>
        new() { Events = events, Leads = [new LeadEvents(aliases, events)] };

    /// <summary>Events of one person known by the one alias <paramref name="alias"/>.</summary>
    public static NormalizationResult Accepted(string alias, params ConversationEvent[] events) => Accepted([alias], events);

    /// <summary>The events of several results (a batch), grouped by lead, with the events that could not be used.</summary>
    public static NormalizationResult PartlyAccepted(IEnumerable<NormalizationResult> accepted, IReadOnlyList<NormalizationError> rejectedEvents)
    {
        var parts = accepted.SelectMany(result => result.Leads).ToList();
        var leads = parts
            .GroupBy(part => part.ArrivedAs, StringComparer.Ordinal)
            .Select(group => new LeadEvents(
                group.SelectMany(part => part.Aliases).Distinct(StringComparer.Ordinal).ToList(),
                group.SelectMany(part => part.Events).ToList()))
            .ToList();
        return new() { Events = parts.SelectMany(part => part.Events).ToList(), Leads = leads, RejectedEvents = rejectedEvents };
    }

    public static NormalizationResult Ignored(string reason) => new() { IgnoredReason = reason };
    public static NormalizationResult Rejected(NormalizationErrorKind kind, string detail) => new() { Error = new(kind, detail) };
}

/// <summary>
/// Accepted events of one person and every alias they carry (<c>email:…</c>, <c>linkedin:…</c>, <c>phone:…</c>, then
/// the provider's own id such as <c>salesforge:contact:…</c>), in that order. The first is the alias the events
/// arrived under; which lead the aliases belong to is decided later, by the lead directory.
/// </summary>
public sealed record LeadEvents(IReadOnlyList<string> Aliases, IReadOnlyList<ConversationEvent> Events)
{
    /// <summary>The alias the events arrived under: the first of <see cref="Aliases"/>.</summary>
    public string ArrivedAs => Aliases[0];
}

/// <summary>Why a delivery was rejected; <see cref="Detail"/> is safe to show to the sender (no payload data).</summary>
public sealed record NormalizationError(NormalizationErrorKind Kind, string Detail);

public enum NormalizationErrorKind
{
    /// <summary>The body is not JSON, or not a JSON object.</summary>
    MalformedJson,
    /// <summary>JSON, but a required field is missing, has the wrong type or an unusable value.</summary>
    InvalidPayload,
    /// <summary>Nothing in the event identifies a lead (no usable email, LinkedIn profile, phone or provider's id).</summary>
    NoLeadIdentity,
}
