using System.Security.Claims;

namespace Conversations.Host.Access;

/// <summary>Turns the identity provider's scopes or roles into this service's operator scopes.</summary>
internal static class JwtScopeClaims
{
    private static readonly string[] ScopeClaimTypes = ["scope", "scp", "roles", "role"];

    public static void AddTo(ClaimsPrincipal principal, JwtAccessOptions options)
    {
        if (principal.Identity is not ClaimsIdentity identity) return;
        var granted = principal.Claims
            .Where(claim => ScopeClaimTypes.Contains(claim.Type))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (granted.Contains(options.ReadScope)) identity.AddClaim(new Claim(OperatorScopes.ClaimType, OperatorScopes.Read));
        if (granted.Contains(options.AdminScope)) identity.AddClaim(new Claim(OperatorScopes.ClaimType, OperatorScopes.Admin));
    }
}
