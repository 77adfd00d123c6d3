using System.Net.Http.Headers;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Access;

/// <summary>
/// Authenticates an operator by API key: the <c>X-Api-Key</c> header, or the password of HTTP Basic (so a
/// browser can open the dashboard). The presented key is hashed and compared with every configured hash in
/// constant time, so neither timing nor a configuration dump reveals a key.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions,
    ILoggerFactory loggerFactory,
    UrlEncoder encoder,
    IOptionsMonitor<OperatorAccessOptions> access)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, loggerFactory, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string Realm = "Orleans.Conversations operators";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PresentedKey() is not { } presented) return Task.FromResult(AuthenticateResult.NoResult());

        var hash = ApiKeyHash.Of(presented);
        ApiKeyOptions? match = null;
        foreach (var key in access.CurrentValue.ApiKeys)
        {
            // Every configured key is compared, so the time taken does not say which one (if any) matched.
            if (ApiKeyHash.TryParse(key.Sha256, out var expected) && CryptographicOperations.FixedTimeEquals(hash, expected))
                match = key;
        }
        if (match is null)
        {
            LogRejected(Logger);
            return Task.FromResult(AuthenticateResult.Fail("The API key is not one of the configured operator keys."));
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, match.Name) };
        claims.AddRange(match.Scopes.Select(OperatorScopes.Claim));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.Append("WWW-Authenticate", $"Basic realm=\"{Realm}\", charset=\"UTF-8\"");
        return Task.CompletedTask;
    }

    private string? PresentedKey()
    {
        if (Request.Headers[HeaderName].FirstOrDefault() is { Length: > 0 } header) return header;
        if (!AuthenticationHeaderValue.TryParse(Request.Headers.Authorization, out var authorization)
            || !"Basic".Equals(authorization.Scheme, StringComparison.OrdinalIgnoreCase)
            || authorization.Parameter is null)
            return null;
        try
        {
            var credentials = Encoding.UTF8.GetString(Convert.FromBase64String(authorization.Parameter));
            var colon = credentials.IndexOf(':', StringComparison.Ordinal);
            return colon >= 0 && colon < credentials.Length - 1 ? credentials[(colon + 1)..] : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }

    // The path is left out: it can hold a lead's address.
    [LoggerMessage(Level = LogLevel.Warning, Message = "Refused an operator request: unknown API key")]
    private static partial void LogRejected(ILogger logger);
}
