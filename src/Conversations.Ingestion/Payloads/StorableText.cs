namespace Conversations.Ingestion.Payloads;

/// <summary>
/// Text a delivery sends, made storable on every store: PostgreSQL refuses U+0000 in <c>text</c> and <c>jsonb</c>,
/// so it becomes U+FFFD, the replacement character (the raw archive keeps the exact bytes).
/// </summary>
internal static class StorableText
{
    public static string Of(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;
}
