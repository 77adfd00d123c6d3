using System.Security.Cryptography.X509Certificates;

namespace Conversations.Host.Hosting;

/// <summary>
/// Which certificates a remote silo or client may present: this silo's own and the pinned ones, while valid.
/// Pinning replaces chain validation on purpose: a certificate that merely chains to a public CA is no cluster member.
/// </summary>
internal sealed class ClusterPeerCertificatePolicy
{
    private readonly HashSet<string> accepted = new(StringComparer.Ordinal);
    private readonly TimeProvider time;

    public ClusterPeerCertificatePolicy(X509Certificate2 own, IEnumerable<string> allowedFingerprints, TimeProvider time)
    {
        this.time = time;
        accepted.UnionWith(CertificateFingerprint.Of(own));
        accepted.UnionWith(allowedFingerprints.Select(CertificateFingerprint.Normalize));
    }

    public bool Accepts(X509Certificate2 remote)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return now >= remote.NotBefore.ToUniversalTime()
            && now <= remote.NotAfter.ToUniversalTime()
            && CertificateFingerprint.Of(remote).Any(accepted.Contains);
    }
}
