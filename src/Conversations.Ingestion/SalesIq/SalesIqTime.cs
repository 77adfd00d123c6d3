using System.Globalization;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// SalesIQ's times: epoch milliseconds, sent as strings (<c>"1769857200000"</c>); integers are taken too. The
/// same bounds as <see cref="ProviderTime.Parse"/> apply, which also catches epoch seconds sent by mistake.
/// </summary>
internal static class SalesIqTime
{
    private const int MaxDigits = 15;
    private static readonly long Earliest = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
    private static readonly TimeSpan MaxAheadOfReceipt = TimeSpan.FromDays(1);

    /// <summary>The time in UTC, its text the digits without padding; null when the field is absent or empty.</summary>
    public static ProviderTime? Read(PayloadObject parent, string name, DateTimeOffset receivedAt)
    {
        if (parent.Id(name) is not { } text) return null;
        var path = parent.PathOf(name);
        if (text.Length > MaxDigits || !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
            throw new InvalidPayloadException($"{path} is not a time in epoch milliseconds");
        if (milliseconds < Earliest)
            throw new InvalidPayloadException($"{path} is before 2000-01-01");
        if (milliseconds > (receivedAt + MaxAheadOfReceipt).ToUnixTimeMilliseconds())
            throw new InvalidPayloadException($"{path} is more than a day after the delivery was received");
        return new ProviderTime(DateTimeOffset.FromUnixTimeMilliseconds(milliseconds), milliseconds.ToString(CultureInfo.InvariantCulture));
    }

    public static ProviderTime Required(PayloadObject parent, string name, DateTimeOffset receivedAt) =>
        Read(parent, name, receivedAt) ?? throw new InvalidPayloadException($"{parent.PathOf(name)} is missing");
}
