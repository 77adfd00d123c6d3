using System.Security.Cryptography;
using System.Text;
using Conversations.Abstractions;
using Conversations.Abstractions.Events;

namespace Conversations.Ingestion;

/// <summary>
/// Deterministic event ids: <c>&lt;provider&gt;:&lt;kind&gt;:&lt;hash&gt;</c>, the hash taken over the parts of the
/// delivery that identify the event (never over receive time or anything a redelivery changes). The same
/// event delivered twice therefore maps to the same id, which is what makes appends idempotent.
/// </summary>
public static class EventIds
{
    public static string Create(string provider, EventKind kind, params ReadOnlySpan<string?> naturalKey)
    {
        var text = new StringBuilder();
        foreach (var part in naturalKey)
        {
            // Length-prefixing keeps ("ab","c") and ("a","bc") apart.
            var value = part ?? string.Empty;
            text.Append(value.Length).Append(':').Append(value).Append('|');
        }
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString()));
        return $"{provider}:{StableNames<EventKind>.Of(kind)}:{Convert.ToHexStringLower(hash.AsSpan(0, 16))}";
    }
}
