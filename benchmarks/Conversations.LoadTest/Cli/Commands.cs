using Conversations.LoadTest.Delivery;
using Conversations.LoadTest.Load;
using Conversations.LoadTest.Noop;
using Conversations.LoadTest.Report;

namespace Conversations.LoadTest.Cli;

/// <summary>Dispatches the first argument to a command; the rest are that command's <c>--name value</c> options.</summary>
internal static class Commands
{
    private const string Usage = """
        usage:
          Conversations.LoadTest noop --urls http://127.0.0.1:PORT
          Conversations.LoadTest load --url http://127.0.0.1:PORT [--duration 15] [--warmup 3] [--connections 64]
                                      [--leads 20000] [--campaigns 20] [--redeliveries 0.1] [--timeout 30]
                                      [--seed N] [--run-id TAG] [--label NAME] [--json out.json] [--token T]
          Conversations.LoadTest delivery --url http://127.0.0.1:PORT [--rate 2000] [--duration 20] [--warmup 5]
                                      [--connections 64] [--leads 100000] [--seed N] [--token T]
                                      [--postgres CONNECTION-STRING | --gateway-port 30000] [--cluster-id conversations]
          Conversations.LoadTest compare --baseline noop.json --target service.json [--stored ROWS]
          Conversations.LoadTest free-ports [--count 1]
        """;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help" or "help")
        {
            Console.Error.WriteLine(Usage);
            return args.Length == 0 ? 2 : 0;
        }

        try
        {
            var options = Arguments.Parse(args.AsSpan(1));
            return args[0] switch
            {
                "noop" => await NoopServer.RunAsync(options),
                "load" => await LoadCommand.RunAsync(LoadOptions.From(options)),
                "delivery" => await DeliveryLatencyCommand.RunAsync(DeliveryOptions.From(options)),
                "compare" => CompareCommand.Run(options),
                "free-ports" => FreePortsCommand.Print(options),
                _ => throw new UsageException($"unknown command '{args[0]}'"),
            };
        }
        catch (UsageException exception)
        {
            Console.Error.WriteLine($"error: {exception.Message}");
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }
}
