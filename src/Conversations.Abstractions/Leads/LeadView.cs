using Conversations.Abstractions.Events;

namespace Conversations.Abstractions.Leads;

/// <summary>A lead as the query API shows it: its id, the aliases that reach it, and what its events say about the person.</summary>
[GenerateSerializer, Immutable, Alias("conversations.LeadView")]
public sealed record LeadView
{
    [Id(0)] public required string Id { get; init; }
    /// <summary>Every alias linked to the lead in the directory, in the order they were linked.</summary>
    [Id(14)] public IReadOnlyList<string> Aliases { get; init; } = [];
    [Id(1)] public required IReadOnlyList<string> Emails { get; init; }
    [Id(2)] public required IReadOnlyList<string> LinkedInPublicIds { get; init; }
    [Id(3)] public required IReadOnlyList<string> Phones { get; init; }
    [Id(4)] public string? FirstName { get; init; }
    [Id(5)] public string? LastName { get; init; }
    [Id(6)] public string? Company { get; init; }
    [Id(7)] public required LeadStatus Status { get; init; }
    [Id(8)] public DateTimeOffset? FirstActivityAt { get; init; }
    [Id(9)] public DateTimeOffset? LastActivityAt { get; init; }
    [Id(10)] public required IReadOnlyDictionary<EventKind, int> Counts { get; init; }
    [Id(11)] public ReplySentiment? LatestReplySentiment { get; init; }
    [Id(12)] public required int EventCount { get; init; }
    [Id(13)] public required IReadOnlyList<string> Campaigns { get; init; }
}
