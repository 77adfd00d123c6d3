namespace Conversations.Abstractions.Events;

/// <summary>Who acted: the lead (<see cref="Inbound"/>), us (<see cref="Outbound"/>), or neither.</summary>
[Alias("conversations.Direction")]
public enum Direction
{
    None,
    Inbound,
    Outbound,
}
