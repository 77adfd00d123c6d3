using System.Net;
using System.Net.Http.Headers;

namespace Conversations.LoadTest.Load;

/// <summary>
/// One HttpClient for all request loops: HTTP/1.1 keep-alive, one pooled connection per loop (so the
/// endpoint sees exactly <c>connections</c> concurrent connections), no proxy, no decompression.
/// </summary>
internal static class WebhookClient
{
    public static HttpClient Create(int connections, TimeSpan timeout)
    {
        var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = connections,
            UseProxy = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseCookies = false,
            AllowAutoRedirect = false,
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
        };
        return new HttpClient(handler) { Timeout = timeout, DefaultRequestVersion = HttpVersion.Version11 };
    }

    /// <summary>
    /// Where Salesforge deliveries go (every delivery is a Salesforge one; the no-op endpoint accepts any provider name),
    /// with the provider's secret token in the query string, the form both endpoints accept.
    /// </summary>
    public static Uri SalesforgeEndpoint(Uri baseUrl, string? token) =>
        new(baseUrl, token is null ? "webhooks/salesforge" : $"webhooks/salesforge?token={Uri.EscapeDataString(token)}");

    public static HttpRequestMessage Post(Uri endpoint, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, endpoint)
        {
            Content = content,
            Version = HttpVersion.Version11,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
    }
}
