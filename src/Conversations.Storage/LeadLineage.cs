namespace Conversations.Storage;

/// <summary>
/// A row of <c>lead_lineage</c>: only leads that took part in a merge have one. <paramref name="MergedInto"/> is the
/// lead that absorbed this one; <paramref name="Generation"/> counts the merges and unmerges that moved its rows.
/// </summary>
internal sealed record LeadLineage(string? MergedInto, int Generation);
