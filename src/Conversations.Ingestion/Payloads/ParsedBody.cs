using System.Text.Json;
using System.Text.Unicode;

namespace Conversations.Ingestion.Payloads;

/// <summary>What stops a body from being read as one JSON object.</summary>
internal enum BodyFault
{
    None,
    Empty,
    NotUtf8,
    /// <summary>Not valid JSON, or nested deeper than <see cref="ParsedBody.MaxDepth"/>.</summary>
    NotJson,
    NotObject,
}

/// <summary>
/// A delivery's body parsed as JSON, once: the verifier that needs a field of it and the normalizer read the same
/// document. A leading byte order mark is skipped.
/// </summary>
internal sealed class ParsedBody : IDisposable
{
    public const int MaxDepth = 64;

    private static readonly JsonDocumentOptions Options = new() { MaxDepth = MaxDepth };

    private readonly JsonDocument? _document;

    private ParsedBody(JsonDocument? document, BodyFault fault, string? position)
    {
        _document = document;
        Fault = fault;
        Position = position;
    }

    public BodyFault Fault { get; }

    /// <summary>Where the JSON is broken (<c> (line 1, byte 7)</c>), or empty; never the input itself.</summary>
    public string? Position { get; }

    /// <summary>The root object. Only when <see cref="Fault"/> is <see cref="BodyFault.None"/>.</summary>
    public JsonElement Root => _document?.RootElement ?? throw new InvalidOperationException($"The body is not a JSON object ({Fault}).");

    public static ParsedBody Parse(ReadOnlyMemory<byte> body)
    {
        var utf8 = body.Span.StartsWith("\uFEFF"u8) ? body[3..] : body;
        if (utf8.IsEmpty) return Failed(BodyFault.Empty);
        // JsonDocument reports invalid UTF-8 inside strings with an exception other than JsonException.
        if (!Utf8.IsValid(utf8.Span)) return Failed(BodyFault.NotUtf8);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, Options);
        }
        catch (JsonException e)
        {
            // The exception's message quotes the offending input, so only its position is kept.
            return Failed(BodyFault.NotJson, e.LineNumber is { } line && e.BytePositionInLine is { } column
                ? $" (line {line + 1}, byte {column + 1})"
                : string.Empty);
        }
        if (document.RootElement.ValueKind == JsonValueKind.Object) return new ParsedBody(document, BodyFault.None, null);
        document.Dispose();
        return Failed(BodyFault.NotObject);
    }

    public void Dispose() => _document?.Dispose();

    private static ParsedBody Failed(BodyFault fault, string? position = null) => new(null, fault, position);
}
