using Conversations.Host.Access;

namespace Conversations.Host.Tests.Security;

/// <summary>Operator API keys for tests, configured the way operators do: by hash.</summary>
internal static class OperatorKeys
{
    public const string Reader = "cvk_reader-key-for-tests-0123456789";
    public const string Admin = "cvk_admin-key-for-tests-0123456789";

    /// <summary>Settings granting <see cref="Reader"/> the read scope and <see cref="Admin"/> read and admin.</summary>
    public static Dictionary<string, string?> Settings() => new()
    {
        ["Conversations:Access:ApiKeys:0:Name"] = "reader",
        ["Conversations:Access:ApiKeys:0:Sha256"] = HashOf(Reader),
        ["Conversations:Access:ApiKeys:0:Scopes:0"] = OperatorScopes.Read,
        ["Conversations:Access:ApiKeys:1:Name"] = "admin",
        ["Conversations:Access:ApiKeys:1:Sha256"] = HashOf(Admin),
        ["Conversations:Access:ApiKeys:1:Scopes:0"] = OperatorScopes.Read,
        ["Conversations:Access:ApiKeys:1:Scopes:1"] = OperatorScopes.Admin,
    };

    public static string HashOf(string key) => Convert.ToHexStringLower(ApiKeyHash.Of(key));

    public static HttpRequestMessage WithKey(this HttpRequestMessage request, string? key)
    {
        if (key is not null) request.Headers.Add(ApiKeyAuthenticationHandler.HeaderName, key);
        return request;
    }
}
