using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;

namespace Conversations.Abstractions.Leads;

/// <summary>Events for one lead, as the lead directory routed them.</summary>
/// <param name="Events">The events; those already in the timeline are duplicates and left out.</param>
/// <param name="ArrivedAs">The alias the events arrived under, recorded on each row (so a merge can be undone).</param>
/// <param name="Claims">
/// Aliases to link to this lead in the same transaction as the events. When another lead holds one of them by then,
/// nothing is written and the result says <see cref="AppendResult.Misrouted"/>: the caller resolves again.
/// </param>
/// <param name="Delivery">The raw delivery to archive in the same transaction; null when it is archived already (replay).</param>
/// <param name="NewLead">
/// The lead was made for these events (no alias of theirs was known), so it has no history to read before the rules run.
/// A hint only: a lead that turns out to have history has its signals checked again after the commit.
/// </param>
[GenerateSerializer, Immutable, Alias("conversations.LeadAppend")]
public sealed record LeadAppend(
    [property: Id(0)] IReadOnlyList<ConversationEvent> Events,
    [property: Id(1)] string ArrivedAs,
    [property: Id(2)] IReadOnlyList<string> Claims,
    [property: Id(3)] RawDelivery? Delivery = null,
    [property: Id(4)] bool NewLead = false);
