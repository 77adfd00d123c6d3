using System.Globalization;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Breakcold;

/// <summary>Times in a Breakcold delivery.</summary>
internal static class BreakcoldTime
{
    private const int MaxSecondsDigits = 11;
    private const int MaxMillisecondsDigits = 13;

    /// <summary>
    /// A time Breakcold may send on the envelope. The document shows none; if one comes it dates the event better
    /// than the lead's own <c>created_at</c>/<c>updated_at</c> fallbacks.
    /// </summary>
    public static ProviderTime? OfEnvelope(PayloadObject root, DateTimeOffset receivedAt) =>
        UndocumentedField.Time(root, "timestamp", receivedAt) ?? UndocumentedField.Time(root, "created_at", receivedAt);

    /// <summary>The first time present among <paramref name="fields"/> of <paramref name="source"/>, read as undocumented fields.</summary>
    public static ProviderTime? First(PayloadObject? source, DateTimeOffset receivedAt, params ReadOnlySpan<string> fields)
    {
        foreach (var field in fields)
        {
            if (UndocumentedField.Time(source, field, receivedAt) is { } time) return time;
        }
        return null;
    }

    /// <summary>ISO 8601, or digits: Unix seconds (up to 11 digits) or milliseconds (12 or 13).</summary>
    public static ProviderTime Parse(string text, string path, DateTimeOffset receivedAt)
    {
        if (!text.AsSpan().ContainsAnyExceptInRange('0', '9'))
        {
            if (text.Length > MaxMillisecondsDigits || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
                throw new InvalidPayloadException($"{path} is not a Unix time");
            var value = text.Length <= MaxSecondsDigits
                ? DateTimeOffset.FromUnixTimeSeconds(number)
                : DateTimeOffset.FromUnixTimeMilliseconds(number);
            // Through ProviderTime.Parse so that the same plausibility checks apply.
            return ProviderTime.Parse(value.ToString("O", CultureInfo.InvariantCulture), path, receivedAt);
        }
        return ProviderTime.Parse(text, path, receivedAt);
    }
}
