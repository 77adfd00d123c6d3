using Conversations.Testing;

namespace Conversations.LoadTest.Cli;

/// <summary>
/// <c>free-ports --count N</c>: prints N distinct loopback TCP ports the OS reports free, one per line, for
/// run.sh to hand to the servers it starts.
/// </summary>
internal static class FreePortsCommand
{
    public static int Print(Arguments args)
    {
        var count = args.Int("count", 1, 1, 32);
        args.EnsureAllRead();

        foreach (var port in FreePorts.GetFreeTcpPorts(count)) Console.WriteLine(port);
        return 0;
    }
}
