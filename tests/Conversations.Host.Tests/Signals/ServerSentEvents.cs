using System.Text;

namespace Conversations.Host.Tests.Signals;

/// <summary>One server-sent event as received: its id, type and data, or a reconnect delay; or a comment line (a heartbeat).</summary>
public sealed record ServerSentEvent(string? Id, string? Type, string Data, string? Comment, string? Retry = null);

/// <summary>Reads a text/event-stream body event by event, as the EventSource specification parses it.</summary>
public sealed class ServerSentEventReader(Stream body) : IDisposable
{
    private readonly StreamReader _reader = new(body, Encoding.UTF8);

    /// <summary>The next event or comment; fails the test when none arrives within <paramref name="timeout"/>.</summary>
    public async Task<ServerSentEvent> ReadAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        string? id = null, type = null, retry = null;
        var data = new StringBuilder();
        while (true)
        {
            string? line;
            try
            {
                line = await _reader.ReadLineAsync(cancellation.Token);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"No server-sent event within {timeout.TotalSeconds} s.");
            }
            if (line is null) throw new EndOfStreamException("The event stream ended.");
            if (line.StartsWith(':')) return new ServerSentEvent(null, null, "", line[1..].Trim());
            if (line.Length == 0)
            {
                if (id is null && type is null && retry is null && data.Length == 0) continue;
                return new ServerSentEvent(id, type, data.ToString(), null, retry);
            }
            var (field, value) = line.IndexOf(':') is var colon and >= 0 ? (line[..colon], line[(colon + 1)..].TrimStart(' ')) : (line, "");
            switch (field)
            {
                case "id": id = value; break;
                case "event": type = value; break;
                case "data": data.Append(data.Length > 0 ? "\n" : "").Append(value); break;
                case "retry": retry = value; break;
            }
        }
    }

    /// <summary>The next event of type <paramref name="type"/>, skipping comments and other fields' lines.</summary>
    public async Task<ServerSentEvent> ReadEventAsync(string type, TimeSpan timeout)
    {
        var until = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var next = await ReadAsync(until - DateTimeOffset.UtcNow is var left && left > TimeSpan.Zero ? left : TimeSpan.FromMilliseconds(1));
            if (next.Type == type) return next;
        }
    }

    public void Dispose() => _reader.Dispose();
}
