using System.Diagnostics.Metrics;

namespace Conversations.Host.Identity;

/// <summary>What the lead directory counts, on the meter <see cref="MeterName"/>.</summary>
public sealed class IdentityMetrics
{
    public const string MeterName = "Orleans.Conversations.Identity";

    private readonly Counter<long> _merges;
    private readonly Counter<long> _refusedMerges;
    private readonly Counter<long> _lostClaims;

    public IdentityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _merges = meter.CreateCounter<long>("conversations.identity.merges", unit: "{lead}",
            description: "Leads merged into another because an event named aliases of both.");
        _refusedMerges = meter.CreateCounter<long>("conversations.identity.refused_merges", unit: "{delivery}",
            description: "Events that named aliases of two or more leads that were not merged, because together they would hold too many aliases.");
        _lostClaims = meter.CreateCounter<long>("conversations.identity.lost_claims", unit: "{append}",
            description: "Appends resolved again because their route was out of date: a concurrent delivery linked one of their new aliases first, or their lead was merged.");
    }

    public void Merged(int absorbedLeads) => _merges.Add(absorbedLeads);

    public void MergeRefused() => _refusedMerges.Add(1);

    public void LostClaim() => _lostClaims.Add(1);
}
