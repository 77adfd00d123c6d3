using System.Text.Json;

namespace Conversations.Ingestion.Payloads;

/// <summary>
/// A JSON object in a delivery, read field by field. A field that is absent or JSON null reads as null; a field
/// of the wrong type throws <see cref="InvalidPayloadException"/> naming its dotted path (<c>contact.email</c>).
/// </summary>
internal readonly struct PayloadObject
{
    private readonly JsonElement _element;
    private readonly string _path;

    private PayloadObject(JsonElement element, string path)
    {
        _element = element;
        _path = path;
    }

    public static PayloadObject Root(JsonElement element) => new(element, string.Empty);

    public string PathOf(string name) => _path.Length == 0 ? name : $"{_path}.{name}";

    public PayloadObject? Object(string name)
    {
        if (Find(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.Object) throw Invalid(name, "is not an object");
        return new PayloadObject(value, PathOf(name));
    }

    /// <summary>The field's raw value, JSON null included, for values of a type this reader does not handle (arrays).</summary>
    public bool TryGetRaw(string name, out JsonElement value) => _element.TryGetProperty(name, out value);

    public PayloadObject RequiredObject(string name) => Object(name) ?? throw Invalid(name, "is missing");

    /// <summary>The string as sent, untrimmed, with U+0000 replaced by U+FFFD (PostgreSQL cannot store it in text).</summary>
    public string? String(string name)
    {
        if (Find(name) is not { } value) return null;
        if (value.ValueKind != JsonValueKind.String) throw Invalid(name, "is not a string");
        try
        {
            return StorableText.Of(value.GetString()!);
        }
        catch (InvalidOperationException)
        {
            // An escaped lone surrogate ("\ud800") is valid JSON but no text.
            throw Invalid(name, "is not valid Unicode text");
        }
    }

    /// <summary>Trimmed and cut to <paramref name="maxLength"/>; null when empty.</summary>
    public string? Trimmed(string name, int maxLength = TextLimits.MaxShortText) =>
        String(name)?.Trim() is { Length: > 0 } text ? TextLimits.Truncate(text, maxLength) : null;

    /// <summary>An identifier sent as a string; trimmed, null when empty.</summary>
    public string? StringId(string name) => CheckedId(name, String(name));

    /// <summary>An identifier sent as a string or an integer (Seleqt's ids are numbers); trimmed, null when empty.</summary>
    public string? Id(string name) => Find(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } => StringId(name),
        // The raw digits, never a double: large ids must not lose precision.
        { ValueKind: JsonValueKind.Number } number when IsInteger(number.GetRawText()) => CheckedId(name, number.GetRawText()),
        _ => throw Invalid(name, "is not a string or an integer"),
    };

    public bool? Boolean(string name) => Find(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        _ => throw Invalid(name, "is not true or false"),
    };

    public ProviderTime? Time(string name, DateTimeOffset receivedAt) =>
        String(name) is { } text ? ProviderTime.Parse(text, PathOf(name), receivedAt) : null;

    private JsonElement? Find(string name) =>
        _element.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private string? CheckedId(string name, string? raw)
    {
        var id = raw?.Trim();
        if (string.IsNullOrEmpty(id)) return null;
        return id.Length <= TextLimits.MaxIdentifier ? id : throw Invalid(name, $"is longer than {TextLimits.MaxIdentifier} characters");
    }

    private static bool IsInteger(string digits)
    {
        var span = digits.AsSpan(digits.StartsWith('-') ? 1 : 0);
        return span.Length > 0 && !span.ContainsAnyExceptInRange('0', '9');
    }

    private InvalidPayloadException Invalid(string name, string problem) => new($"{PathOf(name)} {problem}");
}
