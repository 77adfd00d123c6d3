using Conversations.LoadTest.Cli;
using Conversations.LoadTest.Load;

namespace Conversations.LoadTest.Delivery;

/// <summary>The <c>delivery</c> command's options; see the usage text in Cli/Commands.cs.</summary>
internal sealed record DeliveryOptions(
    Uri BaseUrl,
    int Rate,
    int DurationSeconds,
    int WarmupSeconds,
    int Connections,
    int Leads,
    ulong Seed,
    string? Token,
    string? PostgreSql,
    int GatewayPort,
    string ClusterId)
{
    public Uri Endpoint => WebhookClient.SalesforgeEndpoint(BaseUrl, Token);

    public static DeliveryOptions From(Arguments args)
    {
        var options = new DeliveryOptions(
            LoopbackUrl.Required(args),
            Rate: args.Int("rate", 2_000, 1, 100_000),
            DurationSeconds: args.Int("duration", 20, 1, 3600),
            WarmupSeconds: args.Int("warmup", 5, 0, 600),
            Connections: args.Int("connections", 64, 1, 4096),
            Leads: args.Int("leads", 100_000, 1, 10_000_000),
            Seed: (ulong)(args.Long("seed", 0) ?? Random.Shared.NextInt64()),
            Token: args.String("token"),
            PostgreSql: args.String("postgres"),
            GatewayPort: args.Int("gateway-port", 30_000, 1, 65_535),
            ClusterId: args.String("cluster-id") ?? "conversations");
        args.EnsureAllRead();
        return options;
    }
}
