namespace Conversations.Ingestion.Authenticity;

/// <summary>
/// The verdict on a delivery. <see cref="Reason"/> is safe to return to the caller and to log: it says what
/// was wrong (missing header, bad signature, expired timestamp) and never contains a secret or the payload.
/// </summary>
public sealed record VerificationResult(bool IsAuthentic, string? Reason)
{
    public static VerificationResult Authentic { get; } = new(true, null);

    public static VerificationResult Refused(string reason) => new(false, reason);
}
