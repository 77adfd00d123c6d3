using System.Net;
using System.Net.Sockets;

namespace Conversations.Host.Limits;

/// <summary>The address a client's requests are counted under.</summary>
internal static class ClientAddress
{
    /// <summary>
    /// The connection's remote address (the forwarded one when forwarded headers are enabled). IPv6 clients are
    /// counted per /64, the block a single host or subscriber usually holds, so that rotating the low bits does
    /// not buy a fresh budget. No address (an in-memory test server) counts as one client.
    /// </summary>
    public static IPAddress Of(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null) return IPAddress.None;
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address;
        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new IPAddress(bytes);
    }
}
