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
    public Uri Endpoint => WebhookClient.SalesforgeEndpoint(BaseUrl, Token);

    public static LoadOptions From(Arguments args)
    {
        var baseUrl = LoopbackUrl.Required(args);
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
