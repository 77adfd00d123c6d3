using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion.Generic;

/// <summary>
/// Settings of the generic receiver, bound from <c>Conversations:Providers:Generic</c>. Its deliveries are signed
/// as Standard Webhooks, so <see cref="ProviderOptions.Token"/> and <see cref="ProviderOptions.AllowUnauthenticated"/>
/// do not apply and are refused at startup.
/// </summary>
public sealed class GenericOptions : ProviderOptions, IProviderOptionsSection
{
    public const int DefaultToleranceSeconds = 300;

    public static string Section { get; } = SectionFor("Generic");

    /// <summary>
    /// The secret the sender signs with: <c>whsec_</c> followed by the base64 of at least 24 random bytes. To
    /// rotate, list the new and the old secret separated by a space; a delivery signed with either is accepted.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>
    /// How far <c>webhook-timestamp</c> may be from the receive time, in either direction, before a delivery is
    /// refused as a possible replay. Default 300 (the specification's recommendation); 1 to 3600.
    /// </summary>
    public int ToleranceSeconds { get; set; } = DefaultToleranceSeconds;
}
