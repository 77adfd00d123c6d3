using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Reads fields whose place or type Breakcold's document does not show (it shows only the lead payload). A field
/// that is absent, or of a type other than the one guessed, reads as null: a guess that does not match the real
/// shape then costs a detail of the event, not the event.
/// </summary>
internal static class UndocumentedField
{
    public static PayloadObject? Object(PayloadObject? parent, string name)
    {
        try
        {
            return parent?.Object(name);
        }
        catch (InvalidPayloadException)
        {
            return null;
        }
    }

    /// <summary>A short text (a name, a title, a subject): trimmed and cut to <paramref name="maxLength"/>, null when empty.</summary>
    public static string? Text(PayloadObject? parent, string name, int maxLength = TextLimits.MaxShortText)
    {
        try
        {
            return parent?.Trimmed(name, maxLength);
        }
        catch (InvalidPayloadException)
        {
            return null;
        }
    }

    /// <summary>Message content as sent, cut to <see cref="TextLimits.MaxText"/>; null when blank.</summary>
    public static string? Content(PayloadObject? parent, string name)
    {
        try
        {
            return parent?.String(name) is { } text && !string.IsNullOrWhiteSpace(text) ? TextLimits.Truncate(text, TextLimits.MaxText) : null;
        }
        catch (InvalidPayloadException)
        {
            return null;
        }
    }

    public static string? Id(PayloadObject? parent, string name)
    {
        try
        {
            return parent?.Id(name);
        }
        catch (InvalidPayloadException)
        {
            return null;
        }
    }

    public static bool? Boolean(PayloadObject? parent, string name)
    {
        try
        {
            return parent?.Boolean(name);
        }
        catch (InvalidPayloadException)
        {
            return null;
        }
    }

    /// <summary>An ISO 8601 time, or Unix seconds or milliseconds as a number or a string of digits.</summary>
    public static ProviderTime? Time(PayloadObject? parent, string name, DateTimeOffset receivedAt)
    {
        try
        {
            return parent is { } p && p.Id(name) is { } text ? BreakcoldTime.Parse(text, p.PathOf(name), receivedAt) : null;
        }
        catch (InvalidPayloadException)
        {
            return null;
        }
    }
}
