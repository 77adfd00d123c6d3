using System.Security.Cryptography.X509Certificates;

namespace Conversations.Host.Hosting;

/// <summary>
/// Which certificates a remote silo or client may present: this silo's own and the pinned ones, while valid.
/// Pinning replaces chain validation on purpose: a certificate that merely chains to a public CA is no cluster member.
/// </summary>
internal sealed class ClusterPeerCertificatePolicy
{
    private readonly HashSet<string> _accepted = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;

    public ClusterPeerCertificatePolicy(X509Certificate2 own, IEnumerable<string> allowedFingerprints, TimeProvider time)
    {
        _time = time;
        _accepted.UnionWith(CertificateFingerprint.Of(own));
        _accepted.UnionWith(allowedFingerprints.Select(CertificateFingerprint.Normalize));
    }

    public bool Accepts(X509Certificate2 remote)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return now >= remote.NotBefore.ToUniversalTime()
            && now <= remote.NotAfter.ToUniversalTime()
            && CertificateFingerprint.Of(remote).Any(_accepted.Contains);
    }
}
