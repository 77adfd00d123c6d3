using Microsoft.AspNetCore.Http.Features;

namespace Conversations.Host.Webhooks;

/// <summary>
/// Takes the secret token out of a webhook request's target: the segment after <c>/webhooks/{provider}/</c> and any
/// <c>token</c> query parameter. What remains is what routing, logging and diagnostics see.
/// </summary>
internal static class WebhookRequestTarget
{
    private const string Webhooks = "/webhooks";

    /// <summary>
    /// Rewrites the request's path, query string and raw target without the token, and returns the token (the path's
    /// before the query's); null, with nothing changed, when the request carries none.
    /// </summary>
    public static string? MoveTokenOut(IHttpRequestFeature request)
    {
        if (!IsUnderWebhooks(request.Path)) return null;
        var (path, fromPath) = WithoutPathToken(request.Path);
        var (query, fromQuery) = WithoutQueryToken(request.QueryString);
        if (fromPath is null && fromQuery is null) return null;

        request.Path = path;
        request.QueryString = query;
        request.RawTarget = new PathString(path).ToUriComponent() + query;
        return fromPath ?? fromQuery;
    }

    // Plain string tests: a server may hand over paths PathString refuses (an OPTIONS * request), and this must not throw.
    private static bool IsUnderWebhooks(string path) =>
        path.StartsWith(Webhooks, StringComparison.OrdinalIgnoreCase) && (path.Length == Webhooks.Length || path[Webhooks.Length] == '/');

    private static (string Path, string? Token) WithoutPathToken(string path)
    {
        var providerStart = Webhooks.Length + 1;
        var providerEnd = providerStart < path.Length ? path.IndexOf('/', providerStart) : -1;
        if (providerEnd < 0) return (path, null);
        var rest = path[(providerEnd + 1)..];
        // Routing ignored one trailing slash when the token was a route value; keep accepting it.
        if (rest.EndsWith('/')) rest = rest[..^1];
        return (path[..providerEnd], rest.Length == 0 ? null : rest);
    }

    private static (string Query, string? Token) WithoutQueryToken(string query)
    {
        if (query.Length < 2) return (query, null);
        string? token = null;
        var kept = new List<string>();
        foreach (var pair in query[1..].Split('&'))
        {
            var separator = pair.IndexOf('=');
            var name = Decode(separator < 0 ? pair : pair[..separator]);
            if (!name.Equals(WebhookTokens.QueryParameter, StringComparison.OrdinalIgnoreCase))
            {
                kept.Add(pair);
                continue;
            }
            // The first one counts, as it did with Request.Query; every one is removed.
            token ??= separator < 0 ? "" : Decode(pair[(separator + 1)..]);
        }
        if (token is null) return (query, null);
        return (kept.Count == 0 ? "" : "?" + string.Join('&', kept), token);
    }

    // As ASP.NET Core decodes query strings: '+' is a space, then percent-decoding.
    private static string Decode(string component) => Uri.UnescapeDataString(component.Replace('+', ' '));
}
