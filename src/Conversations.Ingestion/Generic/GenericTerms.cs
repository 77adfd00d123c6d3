using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// The spellings an enum field of the generic format accepts. Matching is exact (lower case, no trimming): the
/// format is ours and documented, so there is no provider spelling to guess at.
/// </summary>
internal sealed class GenericTerms<TEnum>(params (string Name, TEnum Value)[] terms)
    where TEnum : struct, Enum
{
    private readonly Dictionary<string, TEnum> _byName = terms.ToDictionary(t => t.Name, t => t.Value, StringComparer.Ordinal);

    /// <summary>The accepted names, comma-separated, for rejections.</summary>
    public string Allowed { get; } = string.Join(", ", terms.Select(t => t.Name));

    /// <summary>The value, or null when the field is absent; an unknown name throws, listing the allowed ones.</summary>
    public TEnum? Read(PayloadObject payload, string field)
    {
        if (payload.String(field) is not { } name) return null;
        return _byName.TryGetValue(name, out var value)
            ? value
            : throw new InvalidPayloadException($"{payload.PathOf(field)} is not one of: {Allowed}");
    }

    public TEnum Required(PayloadObject payload, string field) =>
        Read(payload, field) ?? throw new InvalidPayloadException($"{payload.PathOf(field)} is missing (one of: {Allowed})");
}
