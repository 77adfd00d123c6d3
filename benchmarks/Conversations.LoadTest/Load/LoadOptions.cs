using System.Net;
using Conversations.LoadTest.Cli;

namespace Conversations.LoadTest.Load;

/// <summary>The <c>load</c> command's options; see the usage text in Cli/Commands.cs.</summary>
internal sealed record LoadOptions(
    Uri BaseUrl,
    int DurationSeconds,
    int WarmupSeconds,
    int Connections,
    int Leads,
    int Campaigns,
    double RedeliveryRate,
    int TimeoutSeconds,
    ulong Seed,
    string RunId,
    string Label,
    string? JsonPath,
    string? Token)
{
    /// <summary>
    /// Every delivery is a Salesforge one; the no-op endpoint accepts any provider name. The provider's secret
    /// token goes in the query string, the form both endpoints accept.
    /// </summary>
    public Uri Endpoint => new(BaseUrl, Token is null ? "webhooks/salesforge" : $"webhooks/salesforge?token={Uri.EscapeDataString(Token)}");

    public static LoadOptions From(Arguments args)
    {
        var url = args.RequiredString("url");
        if (!Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out var baseUrl) || baseUrl.Scheme != Uri.UriSchemeHttp)
            throw new UsageException($"--url must be an http:// URL (was '{url}')");
        // A load generator aimed at the wrong host is a denial of service: this one only targets this machine.
        if (!IPAddress.TryParse(baseUrl.Host, out var address) || !IPAddress.IsLoopback(address))
            throw new UsageException($"--url must be a loopback address such as http://127.0.0.1:PORT (was '{url}')");

        var options = new LoadOptions(
            baseUrl,
            DurationSeconds: args.Int("duration", 15, 1, 3600),
            WarmupSeconds: args.Int("warmup", 3, 0, 600),
            Connections: args.Int("connections", 64, 1, 4096),
            Leads: args.Int("leads", 20_000, 1, 10_000_000),
            Campaigns: args.Int("campaigns", 20, 1, 10_000),
            RedeliveryRate: args.Double("redeliveries", 0.10, 0, 0.9),
            TimeoutSeconds: args.Int("timeout", 30, 1, 600),
            Seed: (ulong)(args.Long("seed", 0) ?? Random.Shared.NextInt64()),
            RunId: args.String("run-id") ?? Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 4)),
            Label: args.String("label") ?? baseUrl.Authority,
            JsonPath: args.String("json"),
            Token: args.String("token"));
        args.EnsureAllRead();
        return options;
    }
}
