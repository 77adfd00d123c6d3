using System.Text;

namespace Conversations.Grains.Signals;

/// <summary>
/// Phrases matched as whole words (letters and digits do not continue them on either side), ignoring case, and not
/// right after a negation.
/// </summary>
internal sealed class PhraseList
{
    private readonly string[] _phrases;
    private readonly string[] _wholeMessages;

    public PhraseList(IEnumerable<string> phrases)
    {
        var normalized = phrases.Select(p => p.Trim()).Where(p => p.Length > 0).ToList();
        _phrases = normalized.Where(p => p[0] != '=').Select(Normalize).Distinct().ToArray();
        _wholeMessages = normalized.Where(p => p[0] == '=').Select(p => Normalize(p[1..])).Distinct().ToArray();
    }

    /// <summary>The first phrase found in <paramref name="text"/>, or a whole-message phrase that <paramref name="own"/> is.</summary>
    public string? FirstIn(string text, string own)
    {
        foreach (var phrase in _phrases)
        {
            if (Contains(text, phrase)) return phrase;
        }
        var bare = own.Trim().TrimEnd('.', '!');
        return _wholeMessages.FirstOrDefault(phrase => bare == phrase);
    }

    /// <summary>Lower case, one kind of apostrophe and dash, runs of white space as one space.</summary>
    public static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                space = true;
                continue;
            }
            if (space && builder.Length > 0) builder.Append(' ');
            space = false;
            builder.Append(c switch
            {
                '\u2018' or '\u2019' or '\u00B4' or '`' => '\'',
                '\u2010' or '\u2011' or '\u2013' => '-',
                _ => char.ToLowerInvariant(c),
            });
        }
        return builder.ToString();
    }

    private static readonly string[] Negations = ["not", "no", "never", "don't", "niet", "geen", "nooit", "nicht", "kein", "keine", "nie"];

    private static bool Contains(string text, string phrase)
    {
        for (var at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
        {
            var before = at == 0 || !char.IsLetterOrDigit(text[at - 1]);
            var end = at + phrase.Length;
            var after = end == text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after && !Negated(text, at)) return true;
        }
        return false;
    }

    /// <summary>Whether the word before <paramref name="at"/> is a negation.</summary>
    private static bool Negated(string text, int at)
    {
        var end = at;
        while (end > 0 && text[end - 1] == ' ') end--;
        var start = end;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '\'')) start--;
        return start < end && Negations.Contains(text[start..end]);
    }
}
