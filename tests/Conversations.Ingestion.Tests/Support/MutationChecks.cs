using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>What must hold for any body, however broken: no exception, and a coherent result.</summary>
internal static class MutationChecks
{
    public static IReadOnlyList<byte[]> ReadAll(string provider) => Fixture.Names(provider).Select(Fixture.Read).ToList();

    public static bool IsCoherent(NormalizationResult result) => result switch
    {
        { Error: { } error } => !string.IsNullOrWhiteSpace(error.Detail) && result.Events.Count == 0 && !result.IsIgnored,
        { IgnoredReason: { } reason } => reason.Length > 0 && result.Events.Count == 0,
        _ => result.Events.Count == 1 && result.Events[0].EventId.Length > 0 && result.Leads.All(AliasChecks.AreWellFormed),
    };
}
