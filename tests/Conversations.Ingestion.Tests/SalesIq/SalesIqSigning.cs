using System.Security.Cryptography;
using Conversations.Ingestion.SalesIq;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.SalesIq;

/// <summary>Key pairs made for the tests, and deliveries signed the way SalesIQ signs them.</summary>
internal static class SalesIqSigning
{
    private static readonly Lazy<RSA> LazyKey = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> LazyOtherKey = new(() => RSA.Create(2048));

    /// <summary>Stands in for the private key SalesIQ keeps.</summary>
    public static RSA Key => LazyKey.Value;

    /// <summary>A second key pair, not the configured one.</summary>
    public static RSA OtherKey => LazyOtherKey.Value;

    public static string PublicPem => Key.ExportSubjectPublicKeyInfoPem();

    public static string Sign(byte[] body, RSA? key = null) =>
        Convert.ToBase64String((key ?? Key).SignData(body, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

    public static WebhookDelivery Delivery(byte[] body, string? signature, string headerName = SalesIqVerifier.SignatureHeader)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = "application/json" };
        if (signature is not null) headers[headerName] = signature;
        return new WebhookDelivery(body, headers, UrlToken: null, Support.Delivery.ReceivedAt);
    }

    public static WebhookDelivery Signed(byte[] body) => Delivery(body, Sign(body));

    public static SalesIqOptions Options(string? publicKeyPem = null, bool enabled = true) =>
        new() { Enabled = enabled, PublicKeyPem = publicKeyPem ?? PublicPem };

    public static SalesIqVerifier Verifier(SalesIqOptions options) => new(new TestOptionsMonitor<SalesIqOptions>(options));
}
