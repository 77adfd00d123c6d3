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
    private readonly ClusterTlsOptions _options;
    private readonly TimeProvider _time;
    private readonly Lazy<X509Certificate2> _certificate;

    public ClusterTls(IOptions<ClusterTlsOptions> options, TimeProvider time)
    {
        _options = options.Value;
        _time = time;
        _certificate = new Lazy<X509Certificate2>(() => ClusterCertificateLoader.Load(_options));
    }

    public bool Enabled => _options.Enabled;

    /// <summary>The certificate this silo presents (TLS must be enabled).</summary>
    public X509Certificate2 Certificate => _certificate.Value;

    public int AllowedThumbprintCount => _options.AllowedThumbprints.Length;

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
        var peers = new ClusterPeerCertificatePolicy(Certificate, _options.AllowedThumbprints, _time);
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
        if (_certificate.IsValueCreated) _certificate.Value.Dispose();
    }
}
