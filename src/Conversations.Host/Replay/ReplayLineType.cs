namespace Conversations.Host.Replay;

/// <summary>What a line of a replay's answer reports; written as <c>progress</c>, <c>summary</c> or <c>error</c>.</summary>
public enum ReplayLineType
{
    /// <summary>A page of deliveries is done; more may follow.</summary>
    Progress,

    /// <summary>The last line of a replay that went through every matching delivery.</summary>
    Summary,

    /// <summary>The last line of a replay that stopped on a failure; resume with <c>after</c> = its <c>lastDeliveryId</c>.</summary>
    Error,
}
