namespace Conversations.Ingestion.Authenticity;

/// <summary>
/// Settings every provider has, bound from <c>Conversations:Providers:&lt;Provider&gt;</c> (for example
/// <c>Conversations:Providers:Salesforge:Token</c>). Providers that sign their deliveries add their keys
/// in their own options class.
/// </summary>
public class ProviderOptions
{
    public const string SectionPrefix = "Conversations:Providers";

    /// <summary>Whether this service takes the provider's deliveries. Default false: a provider is switched on explicitly.</summary>
    public bool Enabled { get; set; }

    /// <summary>
    /// For providers that do not sign: a secret token the provider's webhook URL must carry, as
    /// <c>/webhooks/{provider}/{token}</c> or <c>?token=</c>. At least 16 characters.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Lets deliveries in with no credential at all. Only for providers that do not sign, only when said
    /// explicitly (the Development settings do, so that <c>dotnet run</c> works), and logged loudly at startup.
    /// </summary>
    public bool AllowUnauthenticated { get; set; }

    /// <summary>The full section of a provider whose settings are under <c>Conversations:Providers:&lt;<paramref name="name"/>&gt;</c>.</summary>
    public static string SectionFor(string name) => $"{SectionPrefix}:{name}";
}
