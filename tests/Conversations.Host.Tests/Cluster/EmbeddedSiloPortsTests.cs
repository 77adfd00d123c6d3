using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Conversations.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Xunit.Abstractions;

namespace Conversations.Host.Tests.Cluster;

/// <summary>On the embedded default nothing but this machine can reach the silo and gateway ports.</summary>
public sealed class EmbeddedSiloPortsTests(ITestOutputHelper output)
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task EmbeddedDefault_ListensOnLoopbackOnly()
    {
        await using var host = new EmbeddedHost();
        var cluster = host.Services.GetRequiredService<IOptions<ConversationsClusterOptions>>().Value;
        var endpoints = host.Services.GetRequiredService<IOptions<EndpointOptions>>().Value;

        Assert.Equal(IPAddress.Loopback, endpoints.AdvertisedIPAddress);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, cluster.SiloPort), endpoints.SiloListeningEndpoint);
        Assert.Equal(new IPEndPoint(IPAddress.Loopback, cluster.GatewayPort), endpoints.GatewayListeningEndpoint);

        // The ports take connections on loopback, so a refusal below is the binding, not a silo that is not listening.
        foreach (var port in new[] { cluster.SiloPort, cluster.GatewayPort })
            Assert.Null(await TryConnectOnceAsync(IPAddress.Loopback, port));

        if (OwnNetworkAddress() is not { } address)
        {
            output.WriteLine("Skipped the non-loopback half: this machine has no non-loopback address.");
            return;
        }
        foreach (var port in new[] { cluster.SiloPort, cluster.GatewayPort })
            Assert.Equal(SocketError.ConnectionRefused, await TryConnectOnceAsync(address, port));
    }

    /// <summary>One connect attempt, no retry; null when it was accepted.</summary>
    private static async Task<SocketError?> TryConnectOnceAsync(IPAddress address, int port)
    {
        using var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var timeout = new CancellationTokenSource(ConnectTimeout);
        try
        {
            await socket.ConnectAsync(new IPEndPoint(address, port), timeout.Token);
            return null;
        }
        catch (SocketException e)
        {
            return e.SocketErrorCode;
        }
        catch (OperationCanceledException)
        {
            return SocketError.TimedOut;
        }
    }

    /// <summary>An address of one of this machine's own interfaces that is not loopback (IPv4 preferred; link-local IPv6 needs a scope, so not that).</summary>
    private static IPAddress? OwnNetworkAddress()
    {
        var addresses = NetworkInterface.GetAllNetworkInterfaces()
            .Where(i => i.OperationalStatus == OperationalStatus.Up && i.NetworkInterfaceType != NetworkInterfaceType.Loopback)
            .SelectMany(i => i.GetIPProperties().UnicastAddresses)
            .Select(a => a.Address)
            .Where(a => !IPAddress.IsLoopback(a) && !a.IsIPv6LinkLocal)
            .ToList();
        return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork)
            ?? addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetworkV6);
    }
}
