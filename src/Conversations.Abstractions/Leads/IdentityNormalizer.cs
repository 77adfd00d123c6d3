using System.Text;

namespace Conversations.Abstractions.Leads;

/// <summary>
/// Turns the many spellings providers use for one identity into one canonical form. Each method returns
/// null when the input holds no usable identity. The rules are documented in the README ("Lead keys").
/// </summary>
public static class IdentityNormalizer
{
    private const int MaxIdentityLength = 320;

    // What a form or an export writes where it has no value. Taken as an identity, it would make one lead of
    // everyone who left the field empty.
    private static readonly HashSet<string> Placeholders = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "null", "undefined", "unknown", "none", "nil", "na", "n-a", "n/a", "-", "--",
    };

    /// <summary>
    /// Whether <paramref name="text"/> (already trimmed) is what a form writes for "no value" (<c>null</c>, <c>N/A</c>,
    /// <c>-</c>, ...), in any case. Such text is never an identity, whichever field it came in.
    /// </summary>
    public static bool IsPlaceholder(string text) => Placeholders.Contains(text);

    /// <summary>Trimmed, lower case, exactly one '@' with a non-empty local part and a dotted-or-not domain, no spaces.</summary>
    public static string? Email(string? raw)
    {
        if (raw is null) return null;
        var email = raw.Trim();
        if (email.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase)) email = email[7..];
        if (email.Length is 0 or > MaxIdentityLength) return null;
        var at = email.IndexOf('@');
        if (at <= 0 || at != email.LastIndexOf('@') || at == email.Length - 1) return null;
        foreach (var c in email)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or '[' or ']' or '(' or ')' or ',' or ';' or ':' or '"')
                return null;
        }
        return email.ToLowerInvariant();
    }

    /// <summary>
    /// The public id of a LinkedIn member, from either a profile URL or a bare id. Accepts http/https, with or
    /// without www, locale subdomains (nl.linkedin.com), trailing slashes, query strings and fragments, any
    /// case and percent-encoding. Returns the decoded id in lower case (<c>jürgen-müller-4a</c>). A placeholder
    /// (<c>null</c>, <c>unknown</c>, <c>none</c>, ...) is no id.
    /// </summary>
    public static string? LinkedInPublicId(string? raw)
    {
        if (raw is null) return null;
        var text = raw.Trim();
        if (text.Length is 0 or > 2048) return null;

        string candidate;
        if (LooksLikeUrl(text))
        {
            var withScheme = text.Contains("://", StringComparison.Ordinal) ? text : "https://" + text;
            if (!Uri.TryCreate(withScheme, UriKind.Absolute, out var uri)) return null;
            if (uri.Scheme is not ("http" or "https")) return null;
            var host = uri.Host.ToLowerInvariant();
            if (host != "linkedin.com" && !host.EndsWith(".linkedin.com", StringComparison.Ordinal)) return null;
            var segments = uri.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
            if (segments.Length < 2 || !segments[0].Equals("in", StringComparison.OrdinalIgnoreCase)) return null;
            candidate = segments[1];
        }
        else
        {
            candidate = text.Trim('/');
        }

        string decoded;
        try
        {
            decoded = CanonicalComposition.ToNfc(Uri.UnescapeDataString(candidate));
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException)
        {
            // ToNfc throws ArgumentException for text with a lone surrogate: that is no id.
            return null;
        }
        decoded = decoded.Trim().ToLowerInvariant();
        if (decoded.Length > 200 || IsPlaceholder(decoded)) return null;
        foreach (var c in decoded)
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '/' or '?' or '#' or '@' or ':') return null;
        }
        return decoded;
    }

    /// <summary>
    /// E.164: a leading '+' and 8 to 15 digits, punctuation and spaces removed, and the national trunk prefix
    /// written as "(0)" (<c>+31 (0)6 1234 5678</c>) dropped. Numbers without a country code (no leading '+' or
    /// '00') are not usable: guessing a country would merge different people.
    /// </summary>
    public static string? Phone(string? raw)
    {
        if (raw is null) return null;
        var text = raw.Trim();
        if (text.Length > 64) return null;
        if (text.StartsWith("00", StringComparison.Ordinal)) text = "+" + text[2..];
        // "(0)" is only dialled from inside the country; keeping its zero would give a second key for one number.
        text = text.Replace("(0)", string.Empty, StringComparison.Ordinal);
        if (!text.StartsWith('+')) return null;
        var digits = new StringBuilder(16);
        foreach (var c in text.AsSpan(1))
        {
            if (char.IsAsciiDigit(c)) digits.Append(c);
            else if (c is ' ' or '-' or '(' or ')' or '.') continue;
            else return null;
        }
        return digits.Length is >= 8 and <= 15 && digits[0] != '0' ? "+" + digits : null;
    }

    private static bool LooksLikeUrl(string text) =>
        text.Contains("linkedin.com", StringComparison.OrdinalIgnoreCase) || text.Contains("://", StringComparison.Ordinal);
}
