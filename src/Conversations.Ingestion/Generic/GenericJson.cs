using System.Text.Json;
using System.Text.Unicode;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Parses a generic delivery body into its root JSON object. The same checks and messages as
/// <see cref="JsonWebhook"/>, which cannot be used here because it hands out a <see cref="PayloadObject"/>, and
/// that reads no arrays: a batch's <c>events</c> is one.
/// </summary>
internal static class GenericJson
{
    private static readonly JsonDocumentOptions Options = new() { MaxDepth = JsonWebhook.MaxDepth };

    public static NormalizationResult Normalize(ReadOnlyMemory<byte> body, Func<JsonElement, NormalizationResult> normalize)
    {
        var utf8 = body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;
        if (utf8.IsEmpty) return Malformed("body is empty");
        if (!Utf8.IsValid(utf8.Span)) return Malformed("body is not valid UTF-8");

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            // The exception's message quotes the offending input, so only its position is passed on.
            var position = e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" (line {line + 1}, byte {column + 1})" : string.Empty;
            return Malformed($"body is not valid JSON or nests deeper than {JsonWebhook.MaxDepth} levels{position}");
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object) return Malformed("body is not a JSON object");
            try
            {
                return normalize(document.RootElement);
            }
            catch (InvalidPayloadException e)
            {
                return NormalizationResult.Rejected(NormalizationErrorKind.InvalidPayload, e.Message);
            }
        }
    }

    private static NormalizationResult Malformed(string detail) =>
        NormalizationResult.Rejected(NormalizationErrorKind.MalformedJson, detail);
}
