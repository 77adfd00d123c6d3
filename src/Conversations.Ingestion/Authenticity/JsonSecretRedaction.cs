using System.Text.Json;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Authenticity;

/// <summary>Replaces a secret's string value in raw JSON bytes, leaving every other byte as it was.</summary>
public static class JsonSecretRedaction
{
    /// <summary>What a redacted value reads as.</summary>
    public const string Replacement = "[redacted]";

    private static ReadOnlySpan<byte> ReplacementUtf8 => "[redacted]"u8;
    private static ReadOnlySpan<byte> ByteOrderMark => "\uFEFF"u8;

    /// <summary>
    /// The body with the string value of every top-level property named <paramref name="propertyName"/> (compared
    /// after unescaping, as a JSON parser would) replaced by <see cref="Replacement"/>. Values that are not strings,
    /// and properties of nested objects, are kept.
    /// </summary>
    public static ReadOnlyMemory<byte> RedactTopLevelString(ReadOnlyMemory<byte> body, ReadOnlySpan<byte> propertyName)
    {
        var offset = body.Span.StartsWith(ByteOrderMark) ? ByteOrderMark.Length : 0;
        var values = new List<(int Start, int Length)>();
        try
        {
            FindTopLevelStrings(body.Span[offset..], propertyName, offset, values);
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // The body was parsed before it got here, so this is a body only some readers accept. Redacting what was
            // found up to the unreadable part is still better than failing a delivery that is already accepted.
        }
        return values.Count == 0 ? body : Replace(body.Span, values);
    }

    private static void FindTopLevelStrings(ReadOnlySpan<byte> json, ReadOnlySpan<byte> propertyName, int offset, List<(int Start, int Length)> values)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = ParsedBody.MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isSecret = reader.ValueTextEquals(propertyName);
            reader.Read();
            // ValueSpan holds the raw, still escaped bytes between the quotes, so its length is what to cut.
            if (isSecret && reader.TokenType == JsonTokenType.String)
                values.Add((offset + (int)reader.TokenStartIndex + 1, reader.ValueSpan.Length));
            reader.Skip();
        }
    }

    private static byte[] Replace(ReadOnlySpan<byte> body, List<(int Start, int Length)> values)
    {
        var removed = values.Sum(v => v.Length - ReplacementUtf8.Length);
        var result = new byte[body.Length - removed];
        var (read, written) = (0, 0);
        foreach (var (start, length) in values)
        {
            body[read..start].CopyTo(result.AsSpan(written));
            written += start - read;
            ReplacementUtf8.CopyTo(result.AsSpan(written));
            written += ReplacementUtf8.Length;
            read = start + length;
        }
        body[read..].CopyTo(result.AsSpan(written));
        return result;
    }
}
