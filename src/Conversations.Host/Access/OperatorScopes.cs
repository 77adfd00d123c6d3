using System.Security.Claims;

namespace Conversations.Host.Access;

/// <summary>The scopes an operator credential grants, the claim that carries them, and the policy of each.</summary>
public static class OperatorScopes
{
    /// <summary>Read leads, timelines, campaigns and the dashboard.</summary>
    public const string Read = "read";

    /// <summary>Everything <see cref="Read"/> allows, plus the admin API (replay).</summary>
    public const string Admin = "admin";

    public static readonly IReadOnlyList<string> All = [Read, Admin];

    /// <summary>The claim type, on an authenticated operator, of each scope granted.</summary>
    public const string ClaimType = "conversations:scope";

    /// <summary>
    /// The issuer of every scope claim this service grants. A scope claim from anyone else (a token that carries a
    /// claim of this type, say) grants nothing.
    /// </summary>
    public const string ClaimIssuer = "Orleans.Conversations";

    public static Claim Claim(string scope) => new(ClaimType, scope, ClaimValueTypes.String, ClaimIssuer);

    /// <summary>Claim types of this service's own (<c>conversations:…</c>): never taken from a caller's token.</summary>
    public static bool IsInternalClaimType(string type) => type.StartsWith("conversations:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Whether the caller holds <paramref name="required"/>, by a scope claim this service itself granted.</summary>
    public static bool Holds(ClaimsPrincipal user, string required) =>
        user.FindAll(ClaimType).Any(claim => claim.Issuer == ClaimIssuer && Grants(claim.Value, required));

    public const string ReadPolicy = "operators.read";
    public const string AdminPolicy = "operators.admin";

    /// <summary>Admin implies read.</summary>
    public static bool Grants(string granted, string required) =>
        granted == required || granted == Admin;
}
