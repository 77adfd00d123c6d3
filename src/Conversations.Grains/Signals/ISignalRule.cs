namespace Conversations.Grains.Signals;

/// <summary>
/// One rule: a pure function of a lead's timeline (as facts, in occurred-at order) and of which events are new. It
/// returns the signals that rest on at least one new event, so a late event that completes a pattern fires it then;
/// a signal found again later has the same anchor, so the store keeps it once.
/// </summary>
public interface ISignalRule
{
    IEnumerable<DetectedSignal> Detect(IReadOnlyList<SignalFact> timeline, IReadOnlySet<string> newEventIds);
}
