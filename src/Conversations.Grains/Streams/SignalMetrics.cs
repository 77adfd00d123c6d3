using System.Diagnostics.Metrics;
using Conversations.Abstractions.Signals;

namespace Conversations.Grains.Streams;

/// <summary>New signals by type, counted when the silo that stored them hands them to its relay, on the meter <see cref="MeterName"/>.</summary>
public sealed class SignalMetrics
{
    public const string MeterName = "Orleans.Conversations.Signals";

    private readonly Counter<long> _stored;

    public SignalMetrics(IMeterFactory meters) =>
        _stored = meters.Create(MeterName).CreateCounter<long>("conversations.signals.stored", unit: "{signal}",
            description: "New signals stored with their events, by type.");

    public void Stored(IEnumerable<Signal> signals)
    {
        foreach (var signal in signals) _stored.Add(1, new KeyValuePair<string, object?>("type", signal.Type));
    }
}
