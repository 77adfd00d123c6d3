using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Host.Tests.Limits;

/// <summary>
/// The real host behind real Kestrel on 127.0.0.1 (a free port), on the embedded store in its own temporary folder,
/// with production-like webhook settings: Salesforge and Seleqt need their URL token. Disposing removes everything.
/// </summary>
public sealed class KestrelHost : IAsyncDisposable
{
    public const string Token = "limits-test-token-0123456789";

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-kestrel-").FullName;

    public KestrelHost(IDictionary<string, string?> settings)
    {
        var all = new Dictionary<string, string?>(settings);
        foreach (var provider in new[] { "Salesforge", "Seleqt" })
        {
            all.TryAdd($"Conversations:Providers:{provider}:Enabled", "true");
            all.TryAdd($"Conversations:Providers:{provider}:AllowUnauthenticated", "false");
            all.TryAdd($"Conversations:Providers:{provider}:Token", Token);
        }
        Factory = ConversationsHostFactory.Embedded(_dataDirectory, all);
        Factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        Factory.StartServer();
        var address = Factory.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        Endpoint = new IPEndPoint(IPAddress.Loopback, new Uri(address).Port);
        Client = ClientFrom(IPAddress.Loopback);
    }

    public ConversationsHostFactory Factory { get; }

    public IPEndPoint Endpoint { get; }

    /// <summary>A client connecting from 127.0.0.1.</summary>
    public HttpClient Client { get; }

    /// <summary>
    /// A client whose connections leave from <paramref name="source"/>, any address of 127.0.0.0/8, so the server
    /// sees another client address.
    /// </summary>
    public HttpClient ClientFrom(IPAddress source)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectCallback = async (_, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(source, 0));
                    await socket.ConnectAsync(Endpoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"http://{Endpoint}"), Timeout = TimeSpan.FromSeconds(30) };
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await Factory.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}
