using Conversations.Abstractions.Events;

namespace Conversations.Abstractions.Timeline;

/// <summary>
/// One lead's events and the funnel marks they imply, written in one transaction. With a
/// <paramref name="HistoryLimit"/> above zero, the same transaction first reads the lead's latest entries
/// (see <see cref="AppendOutcome.History"/>), so a lead grain that has just activated needs no read of its own.
/// With a <paramref name="Delivery"/>, the same transaction also archives the raw delivery the events came in,
/// so the archive holds exactly the deliveries whose events were committed.
/// </summary>
public sealed record TimelineAppend(
    string LeadKey,
    IReadOnlyList<ConversationEvent> Events,
    IReadOnlyList<FunnelMark> FunnelMarks,
    int HistoryLimit = 0,
    RawDelivery? Delivery = null);
