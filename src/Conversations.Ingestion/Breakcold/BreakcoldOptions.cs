using Conversations.Ingestion.Authenticity;

namespace Conversations.Ingestion.Breakcold;

/// <summary>
/// Breakcold settings, bound from <c>Conversations:Providers:Breakcold</c>. Breakcold's webhooks carry their
/// credential themselves, so <see cref="ProviderOptions.Token"/> and <see cref="ProviderOptions.AllowUnauthenticated"/>
/// are not used (the validator refuses them). Set <see cref="Secret"/>, <see cref="SigningSecret"/> or both; when
/// both are set, a delivery must pass both checks.
/// </summary>
public sealed class BreakcoldOptions : ProviderOptions, IProviderOptionsSection
{
    public static string Section { get; } = SectionFor("Breakcold");

    /// <summary>The value Breakcold puts in the top-level <c>secret</c> field of every body (<c>wh_...</c>).</summary>
    public string? Secret { get; set; }

    /// <summary>
    /// The endpoint's signing secret: the key of the HMAC-SHA256 that Breakcold sends in <see cref="SignatureHeader"/>
    /// over <c>{timestamp}.{raw body}</c>.
    /// </summary>
    public string? SigningSecret { get; set; }

    /// <summary>Carries <c>sha256=&lt;hex HMAC&gt;</c>. Default <c>X-Webhook-Signature</c>.</summary>
    public string SignatureHeader { get; set; } = "X-Webhook-Signature";

    /// <summary>Carries the signing time in Unix seconds, which is part of the signed text. Default <c>X-Webhook-Timestamp</c>.</summary>
    public string TimestampHeader { get; set; } = "X-Webhook-Timestamp";

    /// <summary>
    /// Carries Breakcold's delivery id, its idempotency key. Default <c>X-Webhook-Delivery-Id</c>. It is not signed,
    /// so verification does not require it; it is named here for whoever logs or archives deliveries.
    /// </summary>
    public string DeliveryIdHeader { get; set; } = "X-Webhook-Delivery-Id";

    /// <summary>How far the signed timestamp may be from the time the delivery was received, either way. Default 300 (5 minutes).</summary>
    public int ToleranceSeconds { get; set; } = 300;
}
