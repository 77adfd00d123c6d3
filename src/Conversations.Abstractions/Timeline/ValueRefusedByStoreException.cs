namespace Conversations.Abstractions.Timeline;

/// <summary>
/// The store refused a value of this one append (PostgreSQL's "data exception" class: a character or a number it
/// cannot hold). Retrying cannot help, and it failed alone: the appends committed with it were split off and stored.
/// The message names the problem, never the value.
/// </summary>
[GenerateSerializer, Alias("conversations.ValueRefusedByStoreException")]
public sealed class ValueRefusedByStoreException : Exception
{
    public ValueRefusedByStoreException(string message, Exception? innerException = null) : base(message, innerException) { }
}
