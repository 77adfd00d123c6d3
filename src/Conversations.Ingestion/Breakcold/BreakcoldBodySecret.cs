using System.Text.Json;
using System.Text.Unicode;
using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>The <c>secret</c> field Breakcold's webhook document puts at the top of every body, compared in constant time.</summary>
internal static class BreakcoldBodySecret
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = JsonWebhook.MaxDepth };

    /// <summary>The top-level property that carries the secret.</summary>
    public static ReadOnlySpan<byte> PropertyName => "secret"u8;

    public static VerificationResult Check(ReadOnlyMemory<byte> body, string expected)
    {
        var (presented, problem) = Read(body);
        if (problem is not null) return VerificationResult.Refused(problem);
        return SecretComparer.AreEqual(presented, expected)
            ? VerificationResult.Authentic
            : VerificationResult.Refused("the secret in the body is not the configured one");
    }

    private static (string? Secret, string? Problem) Read(ReadOnlyMemory<byte> body)
    {
        var utf8 = body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;
        // JsonDocument reports invalid UTF-8 inside strings with an exception other than JsonException.
        if (!Utf8.IsValid(utf8.Span)) return (null, "the body is not UTF-8 JSON, so its secret cannot be checked");
        try
        {
            using var document = JsonDocument.Parse(utf8, Options);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return (null, "the body is not a JSON object, so its secret cannot be checked");
            if (!root.TryGetProperty(PropertyName, out var secret) || secret.ValueKind != JsonValueKind.String)
                return (null, "the body carries no secret");
            return (secret.GetString(), null);
        }
        catch (JsonException)
        {
            return (null, "the body is not valid JSON, so its secret cannot be checked");
        }
        catch (InvalidOperationException)
        {
            // GetString refuses an escaped lone surrogate ("\ud800"): valid JSON, but no text.
            return (null, "the secret in the body is not valid Unicode text");
        }
    }
}
