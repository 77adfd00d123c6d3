using Conversations.Host.Access;

namespace Conversations.Host.OperatorPage;

public static class OperatorPageApi
{
    /// <summary>
    /// The operator page at <c>/</c> and its script and style, behind the query API's own access rules: a browser
    /// without a key is challenged for one (HTTP Basic: any user name, the API key as password) and keeps it for the
    /// session, so nothing goes in a URL. The page reads everything it shows from the query API and the signal stream.
    /// </summary>
    public static IEndpointRouteBuilder MapOperatorPage(this IEndpointRouteBuilder app)
    {
        var page = app.MapGroup("").ExcludeFromDescription().RequireOperatorRead();
        page.MapGet("/", (HttpContext context) => Serve(context, "index.html", "text/html; charset=utf-8"));
        page.MapGet("/page/app.js", (HttpContext context) => Serve(context, "app.js", "text/javascript; charset=utf-8"));
        page.MapGet("/page/app.css", (HttpContext context) => Serve(context, "app.css", "text/css; charset=utf-8"));
        return app;
    }

    private static IResult Serve(HttpContext context, string name, string contentType)
    {
        var headers = context.Response.Headers;
        // Only this origin's script, style and API: no inline script, no frames, nothing sent elsewhere.
        headers.ContentSecurityPolicy = "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; " +
            "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        return TypedResults.Bytes(OperatorPageAssets.Get(name), contentType);
    }
}
