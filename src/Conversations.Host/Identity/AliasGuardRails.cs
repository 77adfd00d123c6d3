using Conversations.Abstractions.Leads;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Identity;

/// <summary>What the lead directory may do with an alias.</summary>
public enum AliasUse
{
    /// <summary>Links to the other aliases of its event.</summary>
    Links,

    /// <summary>A shared address or alias: reaches a lead only when its event names nothing else, and links nothing.</summary>
    Alone,

    /// <summary>A placeholder: not an identity at all.</summary>
    Never,
}

/// <summary>The guard rails of <see cref="IdentityOptions"/>: which aliases may join two identifiers into one person.</summary>
public sealed class AliasGuardRails
{
    // Looked up by span: the resolver asks about every alias of every delivery, and slicing them must not allocate.
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _roleLocalParts;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _placeholders;
    private readonly HashSet<string> _shared;

    public AliasGuardRails(IOptions<IdentityOptions> options)
    {
        var settings = options.Value;
        _roleLocalParts = new HashSet<string>(settings.RoleAddressLocalParts ?? IdentityOptions.DefaultRoleAddressLocalParts, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _placeholders = new HashSet<string>(settings.Placeholders ?? IdentityOptions.DefaultPlaceholders, StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _shared = new(settings.SharedAliases?.Select(alias => LeadKey.Parse(alias) ?? alias) ?? [], StringComparer.Ordinal);
    }

    public AliasUse UseOf(string alias)
    {
        if (_placeholders.Contains(ValueOf(alias))) return AliasUse.Never;
        if (_shared.Contains(alias) || IsRoleAddress(alias)) return AliasUse.Alone;
        return AliasUse.Links;
    }

    private bool IsRoleAddress(string alias)
    {
        if (!alias.StartsWith(LeadKey.EmailPrefix, StringComparison.Ordinal)) return false;
        var address = alias.AsSpan(LeadKey.EmailPrefix.Length);
        var localPart = address[..Math.Max(0, address.IndexOf('@'))];
        var tag = localPart.IndexOf('+');
        if (tag >= 0) localPart = localPart[..tag];
        return _roleLocalParts.Contains(localPart);
    }

    /// <summary>The part after the scheme and scope: <c>salesforge:contact:null</c> → <c>null</c>.</summary>
    private static ReadOnlySpan<char> ValueOf(string alias)
    {
        if (alias.StartsWith(LeadKey.EmailPrefix, StringComparison.Ordinal)) return alias.AsSpan(LeadKey.EmailPrefix.Length);
        var separator = alias.LastIndexOf(':');
        return separator < 0 ? alias : alias.AsSpan(separator + 1);
    }
}
