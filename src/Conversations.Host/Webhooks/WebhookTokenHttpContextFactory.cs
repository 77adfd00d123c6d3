using Microsoft.AspNetCore.Http.Features;

namespace Conversations.Host.Webhooks;

/// <summary>
/// Creates each request's <see cref="HttpContext"/> after moving a webhook token out of the request target into a
/// <see cref="WebhookTokenFeature"/>. Hosting creates the context before it logs "Request starting", opens the log
/// scope with the request path and starts the request's activity, so from the first log line on, no logger,
/// router or diagnostic listener sees the token, at any level.
/// </summary>
public sealed class WebhookTokenHttpContextFactory(IServiceProvider services) : IHttpContextFactory
{
    private readonly DefaultHttpContextFactory _inner = new(services);

    public HttpContext Create(IFeatureCollection featureCollection)
    {
        var token = featureCollection.Get<IHttpRequestFeature>() is { } request ? WebhookRequestTarget.MoveTokenOut(request) : null;
        var context = _inner.Create(featureCollection);
        // Set even when null: servers reuse a connection's feature collection for the next request on it.
        context.Features.Set(token is null ? null : new WebhookTokenFeature(token));
        return context;
    }

    public void Dispose(HttpContext httpContext) => _inner.Dispose(httpContext);
}
