using System.Net;
using System.Security.Cryptography.X509Certificates;
using Conversations.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Conversations.Host.Tests.Cluster;

/// <summary>An Orleans client of a test host's gateway on 127.0.0.1, with or without TLS; started within a time bound.</summary>
/// <remarks>
/// A client the gateway refuses does not fail to start: it keeps asking for the cluster manifest until its start is cancelled.
/// </remarks>
internal static class GatewayClient
{
    /// <param name="hostServices">The services of the host whose gateway the client connects to.</param>
    /// <param name="certificate">The certificate to present, or null for a client without TLS.</param>
    /// <param name="serverThumbprint">The only server certificate the client accepts (default: its own).</param>
    /// <param name="startTimeout">How long the start may take (default 30 s).</param>
    public static async Task<IHost> StartAsync(IServiceProvider hostServices, X509Certificate2? certificate, string? serverThumbprint = null, TimeSpan? startTimeout = null)
    {
        var timeoutAfter = startTimeout ?? TimeSpan.FromSeconds(30);
        var cluster = hostServices.GetRequiredService<IOptions<ConversationsClusterOptions>>().Value;
        var host = new HostBuilder()
            .UseOrleansClient(client =>
            {
                client.UseStaticClustering(new IPEndPoint(IPAddress.Loopback, cluster.GatewayPort));
                client.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = cluster.ClusterId;
                    o.ServiceId = cluster.ServiceId;
                });
                client.Configure<ClientMessagingOptions>(o => o.ResponseTimeout = TimeSpan.FromSeconds(15));
                if (certificate is not null)
                {
                    client.UseTls(certificate, o => o.RemoteCertificateValidation = (remote, _, _) =>
                        remote.Thumbprint == (serverThumbprint ?? certificate.Thumbprint));
                }
            })
            .Build();
        using var timeout = new CancellationTokenSource(timeoutAfter);
        try
        {
            await host.StartAsync(timeout.Token).WaitAsync(timeoutAfter);
            return host;
        }
        catch
        {
            host.Dispose();
            throw;
        }
    }
}
