using System.Diagnostics.Metrics;

namespace Conversations.Host.Identity;

/// <summary>What the lead directory counts, on the meter <see cref="MeterName"/>.</summary>
public sealed class IdentityMetrics
{
    public const string MeterName = "Orleans.Conversations.Identity";

    private readonly Counter<long> _conflicts;
    private readonly Counter<long> _lostClaims;

    public IdentityMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _conflicts = meter.CreateCounter<long>("conversations.identity.conflicts", unit: "{delivery}",
            description: "Events that named aliases of two or more leads: appended to the lead of the first, the others' aliases left where they are.");
        _lostClaims = meter.CreateCounter<long>("conversations.identity.lost_claims", unit: "{append}",
            description: "Appends resolved again because a concurrent delivery linked one of their new aliases first.");
    }

    public void Conflict() => _conflicts.Add(1);

    public void LostClaim() => _lostClaims.Add(1);
}
