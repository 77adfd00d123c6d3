using Conversations.Abstractions;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Generic;

/// <summary>What must hold for any generic result, however broken the body.</summary>
internal static class GenericResultChecks
{
    /// <summary>A rejection with a detail and no events, or 1 to 100 keyed generic events; never an ignore.</summary>
    public static bool IsCoherent(NormalizationResult result) => result switch
    {
        { Error: { } error } => !string.IsNullOrWhiteSpace(error.Detail) && result.Events.Count == 0 && !result.IsIgnored,
        { IsIgnored: true } => false,
        _ => result.Events.Count is >= 1 and <= 100 && result.Events.All(e =>
            e.Provider == Providers.Generic
            && e.EventId.StartsWith("generic:", StringComparison.Ordinal)
            && LeadAliases.Of(e.Lead, LeadKey.GenericLeadPrefix).Count > 0)
            && result.Leads.All(AliasChecks.AreWellFormed),
    };
}
