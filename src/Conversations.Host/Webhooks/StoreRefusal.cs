using Conversations.Abstractions.Timeline;

namespace Conversations.Host.Webhooks;

/// <summary>Finds, in what a store or a grain call threw, the store's refusal of a value of this delivery alone.</summary>
internal static class StoreRefusal
{
    public static ValueRefusedByStoreException? Of(Exception exception) => exception switch
    {
        ValueRefusedByStoreException refused => refused,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Of).FirstOrDefault(refusal => refusal is not null),
        { InnerException: { } inner } => Of(inner),
        _ => null,
    };
}
