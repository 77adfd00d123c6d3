using Conversations.Abstractions.Events;

namespace Conversations.Abstractions.Timeline;

/// <summary>
/// One lead's events and the funnel marks they imply, written in one transaction. With a
/// <paramref name="HistoryLimit"/> above zero, the same transaction first reads the lead's latest entries
/// (see <see cref="AppendOutcome.History"/>), so a lead grain that has just activated needs no read of its own.
/// With a <paramref name="Delivery"/>, the same transaction also archives the raw delivery the events came in,
/// so the archive holds exactly the deliveries whose events were committed. <paramref name="Claims"/> are linked to
/// the lead in the same transaction, or, when another lead holds one, nothing is written (<see cref="AppendOutcome.Misrouted"/>).
/// </summary>
/// <param name="LeadId">The lead (<see cref="Leads.LeadId"/>).</param>
/// <param name="ArrivedAs">The alias the events arrived under, kept on each row.</param>
/// <param name="Events">The events; those whose ids are stored already are left out.</param>
/// <param name="FunnelMarks">The campaign stages the events reach.</param>
/// <param name="HistoryLimit">How many of the lead's latest entries to read first; 0 for none.</param>
/// <param name="Delivery">The raw delivery to archive, or null.</param>
/// <param name="Claims">Aliases to link to the lead; null or empty for none.</param>
/// <param name="Signals">Signals the events trigger, stored in the same transaction; one already stored is not stored again.</param>
public sealed record TimelineAppend(
    string LeadId,
    string ArrivedAs,
    IReadOnlyList<ConversationEvent> Events,
    IReadOnlyList<FunnelMark> FunnelMarks,
    int HistoryLimit = 0,
    RawDelivery? Delivery = null,
    IReadOnlyList<string>? Claims = null,
    IReadOnlyList<Signals.Signal>? Signals = null);
