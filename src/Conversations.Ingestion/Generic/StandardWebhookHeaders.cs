namespace Conversations.Ingestion.Generic;

/// <summary>The request headers of the Standard Webhooks signature scheme (https://www.standardwebhooks.com).</summary>
public static class StandardWebhookHeaders
{
    /// <summary>The sender's id of the message; the same on every retry.</summary>
    public const string Id = "webhook-id";

    /// <summary>When this attempt was sent, in whole seconds since the Unix epoch.</summary>
    public const string Timestamp = "webhook-timestamp";

    /// <summary>Space-separated <c>v1,&lt;base64 HMAC-SHA256&gt;</c> entries, one per secret the sender signs with.</summary>
    public const string Signature = "webhook-signature";
}
