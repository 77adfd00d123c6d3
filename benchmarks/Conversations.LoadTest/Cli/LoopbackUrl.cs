using System.Net;

namespace Conversations.LoadTest.Cli;

internal static class LoopbackUrl
{
    /// <summary>
    /// The <c>--url</c> option as a base URL ending in '/'. A load generator aimed at the wrong host is a denial of
    /// service: this one only targets this machine.
    /// </summary>
    public static Uri Required(Arguments args)
    {
        var url = args.RequiredString("url");
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttp)
            throw new UsageException($"--url must be an http:// URL (was '{url}')");
        if (!IPAddress.TryParse(baseUrl.Host, out var address) || !IPAddress.IsLoopback(address))
            throw new UsageException($"--url must be a loopback address such as http://127.0.0.1:PORT (was '{url}')");
        return baseUrl;
    }
}
