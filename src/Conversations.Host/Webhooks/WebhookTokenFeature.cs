namespace Conversations.Host.Webhooks;

/// <summary>
/// The secret token a webhook request carried in its URL, after <see cref="WebhookTokenHttpContextFactory"/> took it
/// out of the path and query string.
/// </summary>
public sealed class WebhookTokenFeature(string token)
{
    public string Token { get; } = token;
}
