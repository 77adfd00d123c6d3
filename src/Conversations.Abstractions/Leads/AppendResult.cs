namespace Conversations.Abstractions.Leads;

/// <summary>What an append did: events newly written to the timeline, and those it already held.</summary>
[GenerateSerializer, Immutable, Alias("conversations.AppendResult")]
public sealed record AppendResult(
    [property: Id(0)] int Applied,
    [property: Id(1)] int Duplicates);
