using System.Diagnostics;

namespace Conversations.Host.Tests.Limits;

/// <summary>Kestrel's minimum request body data rate, configured through Conversations:Http, cuts a stalled body short.</summary>
public sealed class KestrelDataRateTests
{
    [Fact]
    public async Task Post_WhenTheBodyStallsPastTheDataRateGrace_IsCutOffLongBeforeTheBodyReadTimeout()
    {
        await using var host = new KestrelHost(new Dictionary<string, string?>
        {
            ["Conversations:Ingestion:BodyReadTimeoutSeconds"] = "300",
            ["Conversations:Http:MinRequestBodyBytesPerSecond"] = "1024",
            ["Conversations:Http:MinRequestBodyGraceSeconds"] = "2",
        });
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var connection = await RawHttpConnection.OpenAsync(host.Endpoint, deadline.Token);
        var clock = Stopwatch.StartNew();

        await connection.SendAsync(RawHttpConnection.PostHead($"/webhooks/salesforge/{KestrelHost.Token}", 100_000) + "{", deadline.Token);
        var answer = await connection.ReadUntilClosedAsync(deadline.Token);

        Assert.True(answer.Status is 408 or null, $"answered {answer.Status}: {answer.Body}");
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(20));
    }
}
