using System.Net;
using System.Net.Sockets;

namespace Conversations.LoadTest.Cli;

/// <summary>
/// <c>free-ports --count N</c>: prints N distinct loopback TCP ports the OS reports free (all held at once
/// while choosing, so they differ), one per line, for run.sh to hand to the servers it starts.
/// </summary>
internal static class FreePorts
{
    public static int Print(Arguments args)
    {
        var count = args.Int("count", 1, 1, 32);
        args.EnsureAllRead();

        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            foreach (var listener in listeners) Console.WriteLine(((IPEndPoint)listener.LocalEndpoint).Port);
        }
        finally
        {
            foreach (var listener in listeners) listener.Stop();
        }
        return 0;
    }
}
