namespace Conversations.Host.Webhooks;

/// <summary>Where a provider that does not sign may put its secret token, and which one counts.</summary>
public static class WebhookTokens
{
    /// <summary>The header alternative to a token in the URL.</summary>
    public const string Header = "X-Webhook-Token";

    /// <summary>The query parameter form: <c>/webhooks/{provider}?token=...</c>.</summary>
    public const string QueryParameter = "token";

    /// <summary>The token from the URL (path before query), else from the <see cref="Header"/>; null when there is none.</summary>
    public static string? Of(HttpContext context)
    {
        if (context.Features.Get<WebhookTokenFeature>() is { } fromUrl) return fromUrl.Token;
        return context.Request.Headers.TryGetValue(Header, out var header) ? header.ToString() : null;
    }
}
