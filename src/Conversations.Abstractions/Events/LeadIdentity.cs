namespace Conversations.Abstractions.Events;

/// <summary>
/// Who the event is about, as the provider described them. Identifiers are already normalized
/// (see <see cref="Leads.LeadKey"/>); names and company are informational.
/// </summary>
[GenerateSerializer, Immutable, Alias("conversations.LeadIdentity")]
public sealed record LeadIdentity
{
    [Id(0)] public string? Email { get; init; }
    [Id(1)] public string? LinkedInPublicId { get; init; }
    [Id(2)] public string? Phone { get; init; }
    [Id(3)] public string? FirstName { get; init; }
    [Id(4)] public string? LastName { get; init; }
    [Id(5)] public string? Company { get; init; }
    /// <summary>The provider's own id for the lead (for example Salesforge's contact id).</summary>
    [Id(6)] public string? ProviderLeadId { get; init; }
}
