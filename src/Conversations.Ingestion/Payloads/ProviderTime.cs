using System.Globalization;

namespace Conversations.Ingestion.Payloads;

/// <summary>A time from a delivery: its value with the offset the provider gave, and its text as sent.</summary>
internal readonly record struct ProviderTime(DateTimeOffset Value, string Text)
{
    private static readonly string[] Iso8601Formats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
        "yyyy-MM-dd'T'HH:mmK",
    ];

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan MaxAheadOfReceipt = TimeSpan.FromDays(1);

    /// <summary>
    /// Parses ISO 8601 and rejects times no real event can have. A time without an offset is taken as UTC:
    /// the alternative, the server's local zone, would make the result depend on where it runs.
    /// </summary>
    public static ProviderTime Parse(string text, string path, DateTimeOffset receivedAt)
    {
        var trimmed = text.Trim();
        if (!DateTimeOffset.TryParseExact(
                WithoutExcessFraction(trimmed), Iso8601Formats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            throw new InvalidPayloadException($"{path} is not an ISO 8601 time");
        if (value < Earliest)
            throw new InvalidPayloadException($"{path} is before 2000-01-01");
        if (value - receivedAt > MaxAheadOfReceipt)
            throw new InvalidPayloadException($"{path} is more than a day after the delivery was received");
        return new ProviderTime(value, trimmed);
    }

    // .NET reads at most 7 fractional digits (100 ns ticks); senders that write nanoseconds write 9.
    private static string WithoutExcessFraction(string text)
    {
        var dot = text.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0) return text;
        var end = dot + 1;
        while (end < text.Length && char.IsAsciiDigit(text[end])) end++;
        return end - dot - 1 > 7 ? string.Concat(text.AsSpan(0, dot + 8), text.AsSpan(end)) : text;
    }
}
