namespace Conversations.Abstractions.Leads;

/// <summary>
/// A lead's own id: <c>ld_</c> and 32 lower-case hex digits. It is opaque (it says nothing about the person), never
/// changes and is never an alias, so grains, timeline rows, funnel marks and stream partitions can be keyed by it
/// while the aliases that reach the lead come and go.
/// </summary>
public static class LeadId
{
    public const string Prefix = "ld_";
    private const int HexDigits = 32;

    /// <summary>A new id: a random (version 4) GUID.</summary>
    /// <remarks>
    /// Not time-ordered: every index keyed by the lead id (timeline, funnel, aliases) would then take all new leads'
    /// rows on its last page, which the concurrent group commits fight over (measured: slower than random ids).
    /// </remarks>
    public static string New() => Prefix + Guid.NewGuid().ToString("N");

    /// <summary>Whether <paramref name="text"/> is spelled like a lead id (it may still name no lead).</summary>
    public static bool IsWellFormed(string? text)
    {
        if (text is null || text.Length != Prefix.Length + HexDigits || !text.StartsWith(Prefix, StringComparison.Ordinal)) return false;
        foreach (var c in text.AsSpan(Prefix.Length))
        {
            if (!char.IsAsciiDigit(c) && c is not (>= 'a' and <= 'f')) return false;
        }
        return true;
    }
}
