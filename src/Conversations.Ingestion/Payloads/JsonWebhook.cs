using System.Text.Json;
using System.Text.Unicode;

namespace Conversations.Ingestion.Payloads;

/// <summary>Parses a webhook body that must be one JSON object and turns reading failures into rejections.</summary>
internal static class JsonWebhook
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    public static NormalizationResult Normalize(ReadOnlyMemory<byte> body, Func<PayloadObject, NormalizationResult> normalize) =>
        NormalizeElement(body, root => normalize(PayloadObject.Root(root)));

    /// <summary>The same, handing out the root element itself, for payloads that hold arrays (which <see cref="PayloadObject"/> does not read).</summary>
    public static NormalizationResult NormalizeElement(ReadOnlyMemory<byte> body, Func<JsonElement, NormalizationResult> normalize)
    {
        var utf8 = WithoutByteOrderMark(body);
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
            return Malformed($"body is not valid JSON or nests deeper than {MaxDepth} levels{Position(e)}");
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

    private static ReadOnlyMemory<byte> WithoutByteOrderMark(ReadOnlyMemory<byte> body) =>
        body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;

    private static string Position(JsonException e) =>
        e.LineNumber is { } line && e.BytePositionInLine is { } column ? $" (line {line + 1}, byte {column + 1})" : string.Empty;

    private static NormalizationResult Malformed(string detail) =>
        NormalizationResult.Rejected(NormalizationErrorKind.MalformedJson, detail);
}
