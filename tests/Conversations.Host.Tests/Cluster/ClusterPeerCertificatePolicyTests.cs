using System.Security.Cryptography;
using Conversations.Host.Hosting;

namespace Conversations.Host.Tests.Cluster;

/// <summary>A silo accepts its own certificate and the pinned ones while they are valid, and nothing else.</summary>
public sealed class ClusterPeerCertificatePolicyTests
{
    [Fact]
    public void Accepts_OwnCertificate_PinnedBySha1OrSha256_AndNothingElse()
    {
        using var own = TestCertificates.Create("own");
        using var bySha1 = TestCertificates.Create("pinned-sha1");
        using var bySha256 = TestCertificates.Create("pinned-sha256");
        using var stranger = TestCertificates.Create("stranger");
        var sha256WithColons = string.Join(':', Convert.ToHexStringLower(bySha256.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)));

        var policy = new ClusterPeerCertificatePolicy(own, [bySha1.Thumbprint.ToLowerInvariant(), sha256WithColons], TimeProvider.System);

        Assert.True(policy.Accepts(own));
        Assert.True(policy.Accepts(bySha1));
        Assert.True(policy.Accepts(bySha256));
        Assert.False(policy.Accepts(stranger));
    }

    [Fact]
    public void Accepts_NotAPinnedCertificateOutsideItsValidity()
    {
        using var own = TestCertificates.Create("own", TimeSpan.FromHours(1));

        Assert.False(new ClusterPeerCertificatePolicy(own, [], new FixedTime(DateTimeOffset.UtcNow.AddHours(2))).Accepts(own));
        Assert.False(new ClusterPeerCertificatePolicy(own, [], new FixedTime(DateTimeOffset.UtcNow.AddDays(-2))).Accepts(own));
    }
}
