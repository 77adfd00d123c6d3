namespace Conversations.Abstractions.Signals;

/// <summary>
/// How many signals of one type (its key, e.g. <c>hot-lead</c>) this silo's consumer has received since it was activated:
/// the sample of an in-cluster stream consumer, subscribed implicitly to <c>conversation-signals-by-type</c>.
/// </summary>
[Alias("conversations.ISignalTallyGrain")]
public interface ISignalTallyGrain : IGrainWithStringKey
{
    [Alias("Get")]
    Task<SignalTally> GetAsync();
}

/// <param name="Type">The signal type counted.</param>
/// <param name="Received">Distinct signals received since the consumer was activated (redeliveries of a recent one are not counted again).</param>
/// <param name="LastSignalId">The latest one received, if any.</param>
[GenerateSerializer, Immutable, Alias("conversations.SignalTally")]
public sealed record SignalTally([property: Id(0)] string Type, [property: Id(1)] long Received, [property: Id(2)] string? LastSignalId);
