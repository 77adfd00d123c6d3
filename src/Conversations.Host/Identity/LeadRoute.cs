namespace Conversations.Host.Identity;

/// <summary>Where a person's events go: their lead, the alias they arrived under, and the aliases to link with them.</summary>
public sealed record LeadRoute(string LeadId, string ArrivedAs, IReadOnlyList<string> Claims);
