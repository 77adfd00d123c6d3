using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using Conversations.Host.Access;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.Host.Tests.Security;

/// <summary>JWT bearer tokens from an identity provider, verified with its public key; scopes map to read and admin.</summary>
public sealed class JwtBearerAccessTests : IAsyncLifetime
{
    private const string Issuer = "https://login.example.test/";
    private const string Audience = "orleans-conversations";
    private readonly RSA _signingKey = RSA.Create(2048);
    private readonly EmbeddedHost _host;

    public JwtBearerAccessTests()
    {
        _host = new EmbeddedHost(ProductionHost.Settings(new Dictionary<string, string?>
        {
            ["Conversations:Access:Jwt:Audience"] = Audience,
            ["Conversations:Access:Jwt:Issuer"] = Issuer,
            ["Conversations:Access:Jwt:SigningKeyPem"] = _signingKey.ExportSubjectPublicKeyInfoPem(),
        }));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _signingKey.Dispose();
    }

    [Fact]
    public async Task ReadScope_ReadsLeads_ButIsForbiddenTheAdminApi()
    {
        var token = Token("conversations.read");

        Assert.Equal(HttpStatusCode.NotFound, (await SendAsync(HttpMethod.Get, "/api/leads/email:nobody@example.com", token)).StatusCode);
        await (await SendAsync(HttpMethod.Post, "/api/admin/replay", token)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task AdminScope_Replays()
    {
        var response = await SendAsync(HttpMethod.Post, "/api/admin/replay", Token("openid conversations.admin"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task TokenWithoutAConversationsScope_IsForbidden()
    {
        await (await SendAsync(HttpMethod.Get, "/api/campaigns/salesforge:seq_1", Token("openid profile"))).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task TokenNamingTheServicesOwnScopeClaim_GainsNothingByIt()
    {
        // A validly signed token may carry any claim: only the configured scope and role values grant scopes.
        var readWithAdminClaim = Token("conversations.read", extraClaims: new() { [OperatorScopes.ClaimType] = OperatorScopes.Admin });
        await (await SendAsync(HttpMethod.Post, "/api/admin/replay", readWithAdminClaim)).AssertProblemAsync(HttpStatusCode.Forbidden);

        var onlyTheClaims = Token("openid", extraClaims: new()
        {
            [OperatorScopes.ClaimType] = new[] { OperatorScopes.Admin, OperatorScopes.Read },
            ["Conversations:Scope"] = OperatorScopes.Admin,
        });
        await (await SendAsync(HttpMethod.Get, "/api/leads/email:nobody@example.com", onlyTheClaims)).AssertProblemAsync(HttpStatusCode.Forbidden);
        await (await SendAsync(HttpMethod.Post, "/api/admin/replay", onlyTheClaims)).AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ExpiredWrongAudienceOrForeignlySignedTokens_Return401()
    {
        using var otherKey = RSA.Create(2048);
        string[] refused =
        [
            Token("conversations.read", expires: DateTime.UtcNow.AddMinutes(-5)),
            Token("conversations.read", audience: "someone-else"),
            Token("conversations.read", key: otherKey),
            "not.a.token",
        ];
        foreach (var token in refused)
            await (await SendAsync(HttpMethod.Get, "/api/leads/email:nobody@example.com", token)).AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    private Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string token)
    {
        var request = new HttpRequestMessage(method, path) { Content = method == HttpMethod.Post ? Payloads.Json("{}") : null };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return _host.Client.SendAsync(request);
    }

    private string Token(string scope, DateTime? expires = null, string audience = Audience, RSA? key = null,
        Dictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object> { ["sub"] = "operator-1", ["scope"] = scope };
        foreach (var (type, value) in extraClaims ?? []) claims[type] = value;
        var notBefore = (expires ?? DateTime.UtcNow.AddHours(1)).AddHours(-2);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = audience,
            NotBefore = notBefore,
            IssuedAt = notBefore,
            Expires = expires ?? DateTime.UtcNow.AddHours(1),
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(key ?? _signingKey), SecurityAlgorithms.RsaSha256),
        });
    }
}
