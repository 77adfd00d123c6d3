namespace Conversations.Host.Identity;

/// <summary>Where a person's events go: their lead, the alias they arrived under, and the aliases to link with them.</summary>
/// <param name="LeadId">The lead.</param>
/// <param name="ArrivedAs">The alias the events arrived under.</param>
/// <param name="Claims">The aliases the append links to the lead.</param>
/// <param name="Aliases">Every alias the route was resolved from (those that may link).</param>
/// <param name="IsNew">No alias was known: the lead was made for these events (<see cref="Abstractions.Leads.LeadAppend.NewLead"/>).</param>
public sealed record LeadRoute(string LeadId, string ArrivedAs, IReadOnlyList<string> Claims, IReadOnlyList<string> Aliases, bool IsNew = false);
