using System.Net;
using System.Net.Sockets;

namespace Conversations.Testing;

/// <summary>Loopback TCP ports that were free a moment ago.</summary>
/// <remarks>
/// A port is only reserved while the probe listener holds it: another process can take it before the caller
/// binds. Good enough for tests; callers that start a server should be ready to retry with another port.
/// </remarks>
public static class FreePorts
{
    public static int GetFreeTcpPort() => GetFreeTcpPorts(1)[0];

    /// <summary>Distinct free ports: all probe listeners stay open until every port is picked.</summary>
    public static IReadOnlyList<int> GetFreeTcpPorts(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        var listeners = new List<TcpListener>(count);
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            foreach (var listener in listeners)
            {
                listener.Stop();
            }
        }
    }
}
