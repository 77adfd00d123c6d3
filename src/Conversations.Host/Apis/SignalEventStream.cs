using System.Text;
using System.Text.Json;
using Conversations.Abstractions.Signals;
using Conversations.Host.Signals;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Apis;

/// <summary>
/// Writes the signal feed as server-sent events until the client goes away: each matching signal as an event
/// <c>signal</c> whose <c>id:</c> is its feed cursor, a comment line after <see cref="SignalStreamOptions.Heartbeat"/>
/// of silence, and a read of the feed every <see cref="SignalStreamOptions.PollInterval"/> while it has nothing new.
/// </summary>
internal sealed class SignalEventStream(SignalFeedCursor? after, SignalFilter filter) : IResult
{
    /// <summary>How long an EventSource waits before it reconnects, told to it once at the start.</summary>
    private const int ReconnectMilliseconds = 1_000;

    public async Task ExecuteAsync(HttpContext context)
    {
        var services = context.RequestServices;
        var feed = services.GetRequiredService<ISignalFeed>();
        var options = services.GetRequiredService<IOptions<SignalStreamOptions>>().Value;
        var json = services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var clock = services.GetRequiredService<TimeProvider>();
        var stopping = context.RequestAborted;

        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        // Proxies that buffer (nginx) would hold the events back.
        response.Headers["X-Accel-Buffering"] = "no";
        context.Features.Get<IHttpResponseBodyFeature>()?.DisableBuffering();

        try
        {
            // A client without a cursor wants what is new from now on.
            var from = after ?? await feed.EndAsync(stopping);
            await WriteAsync(response, $"retry: {ReconnectMilliseconds}\n\n", stopping);
            var lastWrite = clock.GetTimestamp();
            await foreach (var matches in SignalFeedFollowing.ReadsAsync(feed.ReadAfterAsync, filter, from, options.PollInterval, clock, stopping))
            {
                if (matches.Count > 0)
                {
                    var text = new StringBuilder();
                    foreach (var (position, signal) in matches)
                    {
                        text.Append("id: ").Append(position).Append("\nevent: signal\ndata: ")
                            .Append(JsonSerializer.Serialize(SignalResponse.From(signal), json)).Append("\n\n");
                    }
                    await WriteAsync(response, text.ToString(), stopping);
                    lastWrite = clock.GetTimestamp();
                }
                else if (clock.GetElapsedTime(lastWrite) >= options.Heartbeat)
                {
                    await WriteAsync(response, ": heartbeat\n\n", stopping);
                    lastWrite = clock.GetTimestamp();
                }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            // The client went away: the end of every stream.
        }
    }

    private static async Task WriteAsync(HttpResponse response, string text, CancellationToken cancellationToken)
    {
        await response.WriteAsync(text, cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
    }
}
