using System.Security.Claims;

namespace Conversations.Host.Access;

/// <summary>
/// Turns the identity provider's scopes or roles into this service's operator scopes. Only the configured
/// scope and role values grant anything: claims of the service's own types that the token carries are dropped,
/// so a token cannot name its own operator scopes.
/// </summary>
internal static class JwtScopeClaims
{
    private static readonly string[] ScopeClaimTypes = ["scope", "scp", "roles", "role"];

    public static ClaimsPrincipal Map(ClaimsPrincipal token, JwtAccessOptions options)
    {
        var tokenIdentity = token.Identity as ClaimsIdentity;
        var identity = new ClaimsIdentity(
            token.Claims.Where(claim => !OperatorScopes.IsInternalClaimType(claim.Type)),
            tokenIdentity?.AuthenticationType, tokenIdentity?.NameClaimType, tokenIdentity?.RoleClaimType);
        var granted = token.Claims
            .Where(claim => ScopeClaimTypes.Contains(claim.Type))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToHashSet(StringComparer.Ordinal);
        if (granted.Contains(options.ReadScope)) identity.AddClaim(OperatorScopes.Claim(OperatorScopes.Read));
        if (granted.Contains(options.AdminScope)) identity.AddClaim(OperatorScopes.Claim(OperatorScopes.Admin));
        return new ClaimsPrincipal(identity);
    }
}
