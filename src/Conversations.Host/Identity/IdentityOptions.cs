using Conversations.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Identity;

/// <summary>
/// The guard rails of the lead directory and the size of its cache. Bound from <c>Conversations:Identity</c>. A list
/// left unset takes its default; a list that is set replaces the default whole.
/// </summary>
public sealed class IdentityOptions
{
    public const string SectionName = "Conversations:Identity";

    /// <summary>
    /// The local parts of shared mailboxes (<c>info@</c>, <c>sales@</c>, ...). Several people write from them, so such an
    /// address never links to another alias. A delivery that names nothing else still reaches a lead of its own
    /// through it (the shared inbox). A <c>+tag</c> is ignored: <c>sales+eu@</c> is <c>sales@</c>.
    /// </summary>
    public string[]? RoleAddressLocalParts { get; set; }

    /// <summary>
    /// Values that stand for "no value" in a provider's field (compared with the part after the alias's scheme,
    /// ignoring case): an alias with one is not linked at all. The normalizers already drop the common ones.
    /// </summary>
    public string[]? Placeholders { get; set; }

    /// <summary>Whole aliases that never link (for example a company switchboard: <c>phone:+31201234567</c>).</summary>
    public string[]? SharedAliases { get; set; }

    /// <summary>
    /// More aliases than this on one lead is implausible for one person (a shared device, a scraped list, a bad
    /// mapping): a merge that would exceed it is refused, the lead's timeline says so, and the events go to the lead
    /// of their first alias without linking the rest. Default 20.
    /// </summary>
    public int MaxAliasesPerLead { get; set; } = 20;

    /// <summary>Aliases the in-memory cache of the directory holds, per silo. Default 200,000 (about 60 MB).</summary>
    public int CacheSize { get; set; } = 200_000;

    public static IReadOnlyList<string> DefaultRoleAddressLocalParts { get; } =
    [
        "info", "sales", "support", "noreply", "no-reply", "donotreply", "do-not-reply", "hello", "contact", "admin",
        "office", "team", "marketing", "billing", "accounts", "help", "service", "enquiries", "inquiries", "jobs",
        "careers", "hr", "press", "privacy", "abuse", "postmaster", "webmaster", "mailer-daemon", "notifications",
    ];

    public static IReadOnlyList<string> DefaultPlaceholders { get; } =
        ["", "null", "undefined", "unknown", "none", "nil", "n/a", "na", "n-a", "-", "--", "0"];
}

public sealed class IdentityOptionsValidator : IValidateOptions<IdentityOptions>
{
    public ValidateOptionsResult Validate(string? name, IdentityOptions options)
    {
        var failures = new List<string>();
        SettingRange.Check(failures, IdentityOptions.SectionName, nameof(options.CacheSize), options.CacheSize, 1_000, 100_000_000);
        SettingRange.Check(failures, IdentityOptions.SectionName, nameof(options.MaxAliasesPerLead), options.MaxAliasesPerLead, 2, 10_000);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
