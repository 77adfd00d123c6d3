using System.Security.Cryptography;
using Conversations.Ingestion.Generic;

namespace Conversations.Host.Tests.Fuzz;

public static partial class FuzzProviders
{
    // Test-only credentials: the fuzz host is configured with them and the requests are signed with them.
    internal const string GenericSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    // 1024 bits keeps signing 100,000 mutants fast; the verifier's logic does not depend on the key size.
    private static readonly RSA SalesIqKey = RSA.Create(1024);

    /// <summary>Host settings that enable every provider under fuzz with the credentials the requests carry.</summary>
    public static IDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>
    {
        ["Conversations:Providers:Generic:Enabled"] = "true",
        ["Conversations:Providers:Generic:SigningSecret"] = GenericSecret,
        ["Conversations:Providers:Breakcold:Enabled"] = "true",
        // The secret the Breakcold fixtures carry in their body; mutations that break it are refused (401).
        ["Conversations:Providers:Breakcold:Secret"] = "wh_example_secret_1",
        ["Conversations:Providers:SalesIq:Enabled"] = "true",
        ["Conversations:Providers:SalesIq:PublicKeyPem"] = SalesIqKey.ExportSubjectPublicKeyInfoPem(),
        // Mutants that break a signature fail authentication, all from one client: the budget runs but must not bite.
        ["Conversations:RateLimiting:FailedAuthentication:Burst"] = "100000000",
        ["Conversations:RateLimiting:FailedAuthentication:PermitsPerPeriod"] = "100000000",
    };

    private static FuzzProvider Generic() => new("generic", "generic", body =>
    {
        var request = Post("/webhooks/generic", body);
        foreach (var (name, value) in StandardWebhookSigner.Headers(body, GenericSecret, $"msg_{Guid.NewGuid():N}", DateTimeOffset.UtcNow))
            request.Headers.TryAddWithoutValidation(name, value);
        return request;
    });

    private static FuzzProvider SalesIq() => new("salesiq", "salesiq", body =>
    {
        var request = Post("/webhooks/salesiq", body);
        request.Headers.TryAddWithoutValidation("x-siqsignature",
            Convert.ToBase64String(SalesIqKey.SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)));
        return request;
    });
}
