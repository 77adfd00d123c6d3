namespace Conversations.Host.Apis;

/// <summary>
/// An exception and everything it wraps, depth first: inner exceptions, and each of an <see cref="AggregateException"/>'s.
/// What a store throws can reach the caller wrapped by a grain call or a task.
/// </summary>
internal static class ExceptionChain
{
    public static IEnumerable<Exception> Of(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Of).Prepend(aggregate),
        { InnerException: { } inner } => Of(inner).Prepend(exception),
        _ => [exception],
    };
}
