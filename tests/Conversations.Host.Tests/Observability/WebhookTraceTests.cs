using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Conversations.Host.Tests.Identity;
using Conversations.Storage.GroupCommit;

namespace Conversations.Host.Tests.Observability;

/// <summary>One trace follows a webhook: its request, the lead grain's call, and the commit that made it durable.</summary>
public sealed class WebhookTraceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task AWebhooksTrace_RunsFromItsRequestThroughTheLeadGrainToItsCommit()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = _ => true,
            // Only this test's trace is recorded: other tests run beside it.
            Sample = (ref ActivityCreationOptions<ActivityContext> options) =>
                options.TraceId == traceId ? ActivitySamplingResult.AllDataAndRecorded : ActivitySamplingResult.None,
            ActivityStopped = activity => { if (activity.TraceId == traceId) spans.Enqueue(activity); },
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = new EmbeddedHost();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/seleqt")
        {
            Content = PersonPayloads.SeleqtMessage(Payloads.NewEmail(), $"in-{Guid.NewGuid():N}", Random.Shared.NextInt64(1_000_000, long.MaxValue), "Thanks, noted."),
        };
        request.Headers.Add("traceparent", $"00-{traceId}-{ActivitySpanId.CreateRandom()}-01");

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var deadline = DateTime.UtcNow + Patience;
        while (!spans.Any(IsTimelineCommit) && DateTime.UtcNow < deadline) await Task.Delay(100);
        var names = string.Join(", ", spans.Select(span => $"{span.Source.Name}: {span.DisplayName}"));
        Assert.True(spans.Any(span => span.OperationName == "Microsoft.AspNetCore.Hosting.HttpRequestIn"), $"No request span in the trace: {names}");
        Assert.True(spans.Any(span => span.Source.Name.StartsWith("Microsoft.Orleans", StringComparison.Ordinal) && span.DisplayName.Contains("LeadGrain", StringComparison.Ordinal)),
            $"No lead grain call in the trace: {names}");
        var commit = spans.FirstOrDefault(IsTimelineCommit);
        Assert.True(commit is not null, $"No timeline commit in the trace: {names}");
        Assert.NotNull(commit.GetTagItem("conversations.group_commit.batch_size"));
    }

    private static bool IsTimelineCommit(Activity span) => span.Source.Name == GroupCommitTelemetry.Name && span.DisplayName == "timeline commit";
}
