namespace Conversations.Host.Access;

/// <summary>
/// Who may call the operator routes (query API, admin API, dashboard): everything but the webhooks and the
/// health checks. Bound from <c>Conversations:Access</c>.
/// </summary>
public sealed class OperatorAccessOptions
{
    public const string SectionName = "Conversations:Access";

    /// <summary>API keys, each stored as the SHA-256 of the key, never the key itself.</summary>
    public List<ApiKeyOptions> ApiKeys { get; set; } = [];

    /// <summary>JWT bearer tokens from the organization's identity provider; off unless configured.</summary>
    public JwtAccessOptions Jwt { get; set; } = new();

    /// <summary>
    /// Opens the operator routes to anonymous callers while no credential is configured. Development only:
    /// outside Development the service refuses to start with it (the Development settings set it).
    /// </summary>
    public bool AllowAnonymous { get; set; }

    public bool HasCredentials => ApiKeys.Count > 0 || Jwt.IsConfigured;

    /// <summary>True when the operator routes answer anyone.</summary>
    public bool IsOpen => AllowAnonymous && !HasCredentials;
}

/// <summary>One operator API key: sent in the <c>X-Api-Key</c> header (or as the password of HTTP Basic).</summary>
public sealed class ApiKeyOptions
{
    /// <summary>Who holds the key (shown in logs, never the key).</summary>
    public string Name { get; set; } = "";

    /// <summary>The key's SHA-256 as 64 hex digits (<c>dotnet run --project src/Conversations.Host -- new-api-key</c> makes both).</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>What the key may do: <c>read</c> (query API, dashboard) and/or <c>admin</c> (also replay).</summary>
    public List<string> Scopes { get; set; } = [];
}

/// <summary>JWT bearer validation. Configured when <see cref="Audience"/> and an authority or a signing key are set.</summary>
public sealed class JwtAccessOptions
{
    /// <summary>The identity provider's issuer URL; its OpenID Connect metadata gives the signing keys.</summary>
    public string? Authority { get; set; }

    /// <summary>The audience tokens must be issued for.</summary>
    public string? Audience { get; set; }

    /// <summary>The issuer tokens must name; defaults to the authority's.</summary>
    public string? Issuer { get; set; }

    /// <summary>A PEM public key (RSA or EC) to verify signatures with, for identity providers without metadata.</summary>
    public string? SigningKeyPem { get; set; }

    /// <summary>The <c>scope</c>/<c>scp</c>/<c>roles</c> value that grants <c>read</c>. Default <c>conversations.read</c>.</summary>
    public string ReadScope { get; set; } = "conversations.read";

    /// <summary>The value that grants <c>admin</c>. Default <c>conversations.admin</c>.</summary>
    public string AdminScope { get; set; } = "conversations.admin";

    /// <summary>Require HTTPS for the metadata address. Default true.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Audience)
        && (!string.IsNullOrWhiteSpace(Authority) || !string.IsNullOrWhiteSpace(SigningKeyPem));
}
