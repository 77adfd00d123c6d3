using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using Conversations.Testing;

namespace Conversations.Host.Tests.Fuzz;

/// <summary>
/// Throws 100,000 mutated payloads per provider at its endpoint on the embedded store (authentic where the
/// provider signs, so they reach the normalizer); see <see cref="EndpointFuzz"/>.
/// </summary>
[Collection(FuzzHostCollection.Name)]
public sealed class EndpointFuzzTests(FuzzHostFixture host)
{
    private const int PayloadsPerProvider = 100_000;

    public static TheoryData<string> Providers => new(FuzzProviders.All.Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Providers))]
    public Task MutatedPayloads_NeverGet5xx(string providerName) =>
        EndpointFuzz.RunAsync(host.Client, FuzzProviders.All.Single(p => p.Name == providerName), PayloadsPerProvider, host.Errors);
}

/// <summary>
/// Sends seeded mutations of a provider's fixtures and asserts that none gets a 5xx, that the host stays healthy,
/// and that a valid delivery afterwards is still accepted. A failure names the seed that reproduces it.
/// </summary>
public static class EndpointFuzz
{
    private const int Concurrency = 16;

    /// <param name="client">A client of the host under fuzz.</param>
    /// <param name="provider">The provider whose fixtures are mutated.</param>
    /// <param name="payloads">How many mutated payloads to send.</param>
    /// <param name="errors">What the host logged as errors, shown with a failure (a 500's body names no cause).</param>
    public static async Task RunAsync(HttpClient client, FuzzProvider provider, int payloads, Func<string>? errors = null)
    {
        var fixtures = Fixture.Names(provider.FixtureFolder).Select(Fixture.Read).ToArray();
        using (var before = provider.Request(fixtures[0]))
            Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(before)).StatusCode);
        var failures = new ConcurrentQueue<string>();
        var statuses = new ConcurrentDictionary<int, int>();

        await Parallel.ForAsync(0, payloads, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (i, ct) =>
        {
            var body = new PayloadMutator(seed: i).Mutate(fixtures[i % fixtures.Length]);
            using var request = provider.Request(body);
            using var response = await client.SendAsync(request, ct);
            statuses.AddOrUpdate((int)response.StatusCode, 1, (_, n) => n + 1);
            if ((int)response.StatusCode >= 500 && failures.Count < 5)
                failures.Enqueue($"seed {i}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        });

        Assert.True(failures.IsEmpty, string.Join(Environment.NewLine, failures) + Environment.NewLine + errors?.Invoke());
        Assert.Equal(payloads, statuses.Values.Sum());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
        using var valid = provider.Request(fixtures[0]);
        var afterwards = await client.SendAsync(valid);
        Assert.True(afterwards.StatusCode is HttpStatusCode.OK or HttpStatusCode.UnprocessableEntity, $"{(int)afterwards.StatusCode}");
    }
}

/// <summary>A provider under fuzz: where its fixtures are and how to make an authentic request of a body.</summary>
public sealed record FuzzProvider(string Name, string FixtureFolder, Func<byte[], HttpRequestMessage> Request);

public static partial class FuzzProviders
{
    public static IReadOnlyList<FuzzProvider> All { get; } =
    [
        Unsigned("salesforge"),
        Unsigned("seleqt"),
        Unsigned("chat"),
        Unsigned("breakcold"),
        SalesIq(),
        Generic(),
    ];

    /// <summary>A provider whose credential (if any) travels in the body itself.</summary>
    private static FuzzProvider Unsigned(string name) => new(name, name, body => Post($"/webhooks/{name}", body));

    internal static HttpRequestMessage Post(string url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
    }
}

/// <summary>The host under fuzz: the embedded store in a temporary folder, every provider enabled.</summary>
public sealed class FuzzHostFixture : IAsyncLifetime
{
    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("conversations-fuzz-").FullName;
    private FuzzHost _host = null!;

    public HttpClient Client => _host.Client;

    public string Errors() => _host.Errors();

    public Task InitializeAsync()
    {
        _host = new FuzzHost(ConversationsHostFactory.Embedded(_dataDirectory, FuzzProviders.Settings));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }
}

[CollectionDefinition(Name)]
public sealed class FuzzHostCollection : ICollectionFixture<FuzzHostFixture>
{
    public const string Name = "fuzz host";
}
