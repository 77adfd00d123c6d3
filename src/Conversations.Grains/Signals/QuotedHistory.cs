using System.Text.RegularExpressions;

namespace Conversations.Grains.Signals;

/// <summary>
/// Cuts a reply at the start of the earlier messages it quotes, so that only what the person wrote now is read: the
/// quoted sales email says "a short call?" and "reply unsubscribe", which are not the person's words.
/// </summary>
public static partial class QuotedHistory
{
    // Mail clients' attribution lines, in English, German and Dutch; Gmail wraps long ones over two lines. Not
    // backtracking: with it, a long line starting "Am " took time quadratic in its length (a reply is untrusted input).
    [GeneratedRegex(@"^\s*((on\s.+\swrote|le\s.+\sa\s+écrit)\s*:?|(am\s.+\sschrieb|op\s.+\sschreef)\s.+:)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking)]
    private static partial Regex Attribution();

    [GeneratedRegex(@"^\s*-{2,}\s*(original message|ursprüngliche nachricht|originalnachricht|oorspronkelijk bericht|origineel bericht|forwarded message|weitergeleitete nachricht|doorgestuurd bericht)\s*-{2,}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Separator();

    [GeneratedRegex(@"^\s*\*?(from|von|van)\s*:\*?\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromHeader();

    [GeneratedRegex(@"^\s*\*?(sent|date|to|subject|gesendet|datum|an|betreff|verzonden|aan|onderwerp)\s*:\*?\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex OtherHeader();

    /// <summary>The text up to the first quoted line, attribution line, separator or quoted header block.</summary>
    public static string Strip(string text)
    {
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (StartsQuote(lines, i)) return string.Join('\n', lines, 0, i);
        }
        return text;
    }

    private static bool StartsQuote(string[] lines, int i)
    {
        var line = lines[i];
        if (line.TrimStart().StartsWith('>')) return true;
        if (Separator().IsMatch(line)) return true;
        if (Attribution().IsMatch(line)) return true;
        // An attribution wrapped over two lines: "On Tue, 14 Sep 2026 at 09:00, Tom <" / "tom@example.com> wrote:".
        if (i + 1 < lines.Length && IsAttributionStart(line) && Attribution().IsMatch(line + " " + lines[i + 1].Trim())) return true;
        // An Outlook header block: "From: …" followed by "Sent: …", "To: …" or "Subject: …" within three lines.
        return FromHeader().IsMatch(line) && lines.Skip(i + 1).Take(3).Any(next => OtherHeader().IsMatch(next));
    }

    private static bool IsAttributionStart(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("on ", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("am ", StringComparison.OrdinalIgnoreCase)
            || trimmed.StartsWith("op ", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("le ", StringComparison.OrdinalIgnoreCase);
    }
}
