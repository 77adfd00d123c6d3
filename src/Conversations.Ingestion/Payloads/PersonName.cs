namespace Conversations.Ingestion.Payloads;

/// <summary>
/// Splits a display name (<c>Lena Fischer</c>) at its first space into a first and a last name, so that leads
/// named by chat providers agree with providers that send the two parts separately. One word is a first name.
/// </summary>
internal static class PersonName
{
    public static (string? First, string? Last) Split(string? displayName)
    {
        if (displayName is null) return (null, null);
        var space = displayName.AsSpan().IndexOfAny(' ', '\t', '\u00A0');
        if (space < 0) return (displayName, null);
        var last = displayName[(space + 1)..].Trim();
        return (displayName[..space], last.Length > 0 ? last : null);
    }
}
