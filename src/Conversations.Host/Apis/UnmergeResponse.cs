namespace Conversations.Host.Apis;

/// <summary>What an unmerge split a lead into: the lead itself, and each lead that stands on its own again.</summary>
/// <param name="Lead">The lead that was split, with the aliases it keeps.</param>
/// <param name="Restored">The leads it was split into besides itself, with their aliases.</param>
public sealed record UnmergeResponse(UnmergedLead Lead, IReadOnlyList<UnmergedLead> Restored);

/// <param name="Id">The lead's id.</param>
/// <param name="Aliases">The aliases it holds now.</param>
public sealed record UnmergedLead(string Id, IReadOnlyList<string> Aliases);
