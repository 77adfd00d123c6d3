using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion.SalesIq;

/// <summary>
/// SalesIQ's settings, bound from <c>Conversations:Providers:SalesIq</c>. SalesIQ signs every delivery, so it is
/// verified with the webhook's public key; <see cref="ProviderOptions.Token"/> and
/// <see cref="ProviderOptions.AllowUnauthenticated"/> do not apply and are refused at startup.
/// </summary>
public sealed class SalesIqOptions : ProviderOptions, IProviderOptionsSection
{
    public static string Section { get; } = SectionFor("SalesIq");

    /// <summary>The full name of the <see cref="PublicKeyPem"/> setting, for messages.</summary>
    public static string PublicKeyPemSetting { get; } = $"{Section}:{nameof(PublicKeyPem)}";

    /// <summary>
    /// The RSA public key SalesIQ generated for the webhook, as PEM (<c>-----BEGIN PUBLIC KEY-----</c> ...).
    /// The bare base64 body of such a key is accepted too. No default: without it every delivery is refused.
    /// </summary>
    public string? PublicKeyPem { get; set; }
}
