using System.Globalization;

namespace Conversations.Ingestion.Payloads;

/// <summary>
/// Bounds on what a delivery may put into an event. Free text is cut, not rejected: a long email is still an
/// email. Identifiers are rejected when too long, because a cut identifier would name something else.
/// </summary>
internal static class TextLimits
{
    public const int MaxText = 64 * 1024;
    public const int MaxSubject = 1024;
    /// <summary>Names, company names and campaign names.</summary>
    public const int MaxShortText = 1024;
    public const int MaxUrl = 4096;
    public const int MaxIdentifier = 1024;
    private const int MaxQuoted = 64;

    public static string? Truncate(string? value, int maxLength)
    {
        if (value is null || value.Length <= maxLength) return value;
        // Never keep half of a surrogate pair.
        var length = char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        return value[..length];
    }

    /// <summary>
    /// A provider-sent value made fit to quote in a reason that may be logged: short, one line, and without control
    /// or format characters (a right-to-left override could disguise what a log line says).
    /// </summary>
    public static string Quotable(string value)
    {
        var cut = Truncate(value, MaxQuoted)!;
        return string.Create(cut.Length, cut, static (span, text) =>
        {
            for (var i = 0; i < text.Length; i++) span[i] = IsInvisible(text[i]) ? '?' : text[i];
        });
    }

    private static bool IsInvisible(char c) =>
        char.IsControl(c) || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.Format;
}
