using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Connections.Security;

namespace Conversations.Host.Hosting;

/// <summary>
/// Puts TLS on the silo-to-silo and gateway connections when <see cref="ClusterTlsOptions"/> names a certificate.
/// The certificate is read when Orleans first builds its connections, after the options were validated, so a
/// bad setting stops the service with a message that names it rather than an exception from inside Orleans.
/// </summary>
internal sealed class ClusterTls : IConfigureOptions<SiloConnectionOptions>, IDisposable
{
    private readonly ClusterTlsOptions options;
    private readonly TimeProvider time;
    private readonly Lazy<X509Certificate2> certificate;

    public ClusterTls(IOptions<ClusterTlsOptions> options, TimeProvider time)
    {
        this.options = options.Value;
        this.time = time;
        certificate = new Lazy<X509Certificate2>(() => ClusterCertificateLoader.Load(this.options));
    }

    public bool Enabled => options.Enabled;

    /// <summary>The certificate this silo presents (TLS must be enabled).</summary>
    public X509Certificate2 Certificate => certificate.Value;

    public int AllowedThumbprintCount => options.AllowedThumbprints.Length;

    public void Configure(SiloConnectionOptions connections)
    {
        if (!Enabled) return;
        var tls = CreateTlsOptions();
        connections.ConfigureSiloInboundConnection(builder => builder.UseServerTls(tls));
        connections.ConfigureGatewayInboundConnection(builder => builder.UseServerTls(tls));
        connections.ConfigureSiloOutboundConnection(builder => builder.UseClientTls(tls));
    }

    private TlsOptions CreateTlsOptions()
    {
        var peers = new ClusterPeerCertificatePolicy(Certificate, options.AllowedThumbprints, time);
        return new TlsOptions
        {
            LocalCertificate = Certificate,
            RemoteCertificateMode = RemoteCertificateMode.RequireCertificate,
            ClientCertificateMode = RemoteCertificateMode.RequireCertificate,
            RemoteCertificateValidation = (remote, _, _) => peers.Accepts(remote),
        };
    }

    public void Dispose()
    {
        if (certificate.IsValueCreated) certificate.Value.Dispose();
    }
}
