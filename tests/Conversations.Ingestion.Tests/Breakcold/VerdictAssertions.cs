using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion.Tests.Breakcold;

internal static class VerdictAssertions
{
    public static void AssertAuthentic(this VerificationResult verdict)
    {
        Assert.Null(verdict.Reason);
        Assert.True(verdict.IsAuthentic);
    }

    /// <summary>Refused with exactly <paramref name="reason"/>, which names no secret.</summary>
    public static void AssertRefused(this VerificationResult verdict, string reason)
    {
        Assert.False(verdict.IsAuthentic);
        Assert.Equal(reason, verdict.Reason);
        Assert.True(NamesNoSecret(verdict.Reason));
    }

    public static bool NamesNoSecret(string? reason) =>
        reason is null
        || (!reason.Contains(BreakcoldDeliveries.BodySecret, StringComparison.Ordinal)
            && !reason.Contains(BreakcoldDeliveries.SigningSecret, StringComparison.Ordinal)
            && !reason.Contains("not-the-secret", StringComparison.Ordinal));
}
