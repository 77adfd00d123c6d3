namespace Conversations.Ingestion.Authenticity;

/// <summary>
/// A verifier whose verdict depends on the delivery's secret token alone, so it can be given before the body is read:
/// a caller without the token then never gets to send a body the service holds.
/// </summary>
public interface ITokenOnlyVerifier : IDeliveryVerifier
{
    /// <summary>The verdict on a delivery carrying <paramref name="token"/> (null when it carries none).</summary>
    VerificationResult VerifyToken(string? token);
}
