using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Conversations.Abstractions.Leads;
using Conversations.Host.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit.Abstractions;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests.Cluster;

/// <summary>A host on the embedded default with cluster TLS on, its certificate in a PKCS#12 file, and a second certificate pinned.</summary>
public sealed class TlsHostFixture : IAsyncLifetime
{
    private readonly TestCertificates _files = new();

    public X509Certificate2 ClusterCertificate { get; } = TestCertificates.Create("conversations-cluster");
    public X509Certificate2 PinnedCertificate { get; } = TestCertificates.Create("conversations-partner");
    public EmbeddedHost Host { get; private set; } = null!;

    public Task InitializeAsync()
    {
        // Pinned by its SHA-256 fingerprint in lower case with colons, as openssl prints it.
        var pinned = string.Join(':', Convert.ToHexStringLower(PinnedCertificate.GetCertHash(HashAlgorithmName.SHA256)).Chunk(2).Select(c => new string(c)));
        Host = new EmbeddedHost(new Dictionary<string, string?>
        {
            [$"{ClusterTlsOptions.SectionName}:CertificatePath"] = _files.WritePfx(ClusterCertificate),
            [$"{ClusterTlsOptions.SectionName}:CertificatePassword"] = TestCertificates.Password,
            [$"{ClusterTlsOptions.SectionName}:AllowedThumbprints:0"] = pinned,
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        ClusterCertificate.Dispose();
        PinnedCertificate.Dispose();
        _files.Dispose();
    }
}

public sealed class ClusterTlsTests(TlsHostFixture fixture, ITestOutputHelper output) : IClassFixture<TlsHostFixture>
{
    // A client that gets through starts in well under a second on loopback; a refused one never does.
    private static readonly TimeSpan RefusedClientBound = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task TlsClient_WithTheClusterCertificate_CallsAGrain()
    {
        var (email, leadId) = await IngestLeadAsync();

        using var client = await GatewayClient.StartAsync(fixture.Host.Services, fixture.ClusterCertificate);
        var lead = await ReadLeadAsync(client, leadId);

        Assert.NotNull(lead);
        Assert.Equal([email], lead.Emails);
    }

    [Fact]
    public async Task TlsClient_WithAPinnedCertificate_CallsAGrain()
    {
        var (email, leadId) = await IngestLeadAsync();

        using var client = await GatewayClient.StartAsync(fixture.Host.Services, fixture.PinnedCertificate, fixture.ClusterCertificate.Thumbprint);

        Assert.Equal([email], (await ReadLeadAsync(client, leadId))?.Emails);
    }

    [Fact]
    public async Task ClientWithoutTls_CannotCallAGrain()
    {
        var failure = await CallThroughGatewayAsync(certificate: null);

        Assert.NotNull(failure);
    }

    [Fact]
    public async Task TlsClient_WithAnUnknownCertificate_CannotCallAGrain()
    {
        using var stranger = TestCertificates.Create("someone-else");

        var failure = await CallThroughGatewayAsync(stranger, fixture.ClusterCertificate.Thumbprint);

        Assert.NotNull(failure);
    }

    private async Task<(string Email, string LeadId)> IngestLeadAsync()
    {
        var email = NewEmail();
        var response = await fixture.Host.Client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", email));
        response.EnsureSuccessStatusCode();
        return (email, (await response.ReadJsonAsync()).GetProperty("leadIds")[0].GetString()!);
    }

    private static Task<LeadView?> ReadLeadAsync(IHost client, string leadId) =>
        client.Services.GetRequiredService<IClusterClient>().GetGrain<ILeadGrain>(leadId).GetAsync();

    /// <summary>Connects and reads a lead; the failure, if any: a refused client's start is cancelled at the bound, or its call fails.</summary>
    private async Task<Exception?> CallThroughGatewayAsync(X509Certificate2? certificate, string? serverThumbprint = null)
    {
        var started = TimeProvider.System.GetTimestamp();
        var failure = await Record.ExceptionAsync(async () =>
        {
            using var client = await GatewayClient.StartAsync(fixture.Host.Services, certificate, serverThumbprint, RefusedClientBound);
            await ReadLeadAsync(client, NewEmail());
        });
        output.WriteLine($"After {TimeProvider.System.GetElapsedTime(started)}: {failure?.GetType().FullName}: {failure?.Message}");
        return failure;
    }
}
