using System.Text.Json;
using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// The <c>secret</c> field Breakcold's webhook document puts at the top of every body, compared in constant time.
/// It is read from the delivery's parsed body, which the normalizer then reads again without parsing.
/// </summary>
internal static class BreakcoldBodySecret
{
    /// <summary>The top-level property that carries the secret.</summary>
    public static ReadOnlySpan<byte> PropertyName => "secret"u8;

    public static VerificationResult Check(WebhookDelivery delivery, string expected)
    {
        var (presented, problem) = Read(delivery.Json);
        if (problem is not null) return VerificationResult.Refused(problem);
        return SecretComparer.AreEqual(presented, expected)
            ? VerificationResult.Authentic
            : VerificationResult.Refused("the secret in the body is not the configured one");
    }

    private static (string? Secret, string? Problem) Read(ParsedBody body)
    {
        switch (body.Fault)
        {
            case BodyFault.NotUtf8: return (null, "the body is not UTF-8 JSON, so its secret cannot be checked");
            case BodyFault.Empty or BodyFault.NotJson: return (null, "the body is not valid JSON, so its secret cannot be checked");
            case BodyFault.NotObject: return (null, "the body is not a JSON object, so its secret cannot be checked");
        }
        if (!body.Root.TryGetProperty(PropertyName, out var secret) || secret.ValueKind != JsonValueKind.String)
            return (null, "the body carries no secret");
        try
        {
            return (secret.GetString(), null);
        }
        catch (InvalidOperationException)
        {
            // GetString refuses an escaped lone surrogate ("\ud800"): valid JSON, but no text.
            return (null, "the secret in the body is not valid Unicode text");
        }
    }
}
