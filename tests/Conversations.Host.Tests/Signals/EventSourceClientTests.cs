using System.Diagnostics;
using System.Text.Json;
using Conversations.Testing;

namespace Conversations.Host.Tests.Signals;

/// <summary>
/// The signal stream followed by a real EventSource client, the npm <c>eventsource</c> package on Node.js
/// (tests/eventsource-client, installed by the test with <c>npm ci</c> when missing), against the service running as
/// its own process: a signal arrives live, and a client that comes back with <c>Last-Event-ID</c> gets the one it
/// missed, and not the one it had.
/// </summary>
public sealed class EventSourceClientTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(40);

    [Fact]
    public async Task TheNpmEventSourceClient_ReceivesASignal_AndResumesWithLastEventId()
    {
        var client = await EventSourceClient.InstalledAsync();
        await using var host = await RunningHostProcess.StartDevelopmentAsync();
        var stream = new Uri(host.Client.BaseAddress!, "/api/signals/stream?type=positive-reply").ToString();

        await using var live = client.Follow(stream, count: 1);
        await live.OpenedAsync(Patience);
        var firstReply = await DeliverPositiveReplyAsync(host.Client);
        var (firstId, first) = Assert.Single(await live.SignalsAsync(Patience));

        var missedReply = await DeliverPositiveReplyAsync(host.Client);
        await using var resumed = client.Follow(stream, count: 1, lastEventId: firstId);
        var (_, missed) = Assert.Single(await resumed.SignalsAsync(Patience));

        Assert.Contains(firstReply, Evidence(first));
        Assert.Contains(missedReply, Evidence(missed));
        Assert.Equal("positive-reply", missed.Str("type"));
    }

    private static async Task<string> DeliverPositiveReplyAsync(HttpClient client) => (await PositiveReplies.DeliverAsync(client)).EventId;

    private static IEnumerable<string> Evidence(JsonElement signal) => signal.GetProperty("evidence").EnumerateArray().Select(id => id.GetString()!).ToList();
}

/// <summary>tests/eventsource-client: follow.mjs and its one dependency, installed on first use.</summary>
internal sealed class EventSourceClient
{
    private static readonly SemaphoreSlim Installing = new(1, 1);
    private readonly string _folder;

    private EventSourceClient(string folder) => _folder = folder;

    public static async Task<EventSourceClient> InstalledAsync()
    {
        var folder = Path.Combine(RepositoryFolder.Root, "tests", "eventsource-client");
        await Installing.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "eventsource")))
            {
                var install = await ProcessRunner.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], TimeSpan.FromMinutes(3), folder);
                Assert.True(install.Succeeded, $"npm ci in {folder} failed ({install.ExitCode}): {install.Output}");
            }
        }
        finally
        {
            Installing.Release();
        }
        return new EventSourceClient(folder);
    }

    public FollowingProcess Follow(string url, int count, string? lastEventId = null)
    {
        var start = new ProcessStartInfo("node") { WorkingDirectory = _folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "follow.mjs", url, count.ToString(System.Globalization.CultureInfo.InvariantCulture), lastEventId }.OfType<string>())
            start.ArgumentList.Add(argument);
        return new FollowingProcess(Process.Start(start)!);
    }
}

/// <summary>A running follow.mjs: its "open" line, then one JSON line per signal.</summary>
internal sealed class FollowingProcess(Process process) : IAsyncDisposable
{
    public async Task OpenedAsync(TimeSpan timeout)
    {
        var line = await ReadLineAsync(timeout);
        Assert.True(line == "open", $"follow.mjs printed '{line}' instead of 'open'.");
    }

    /// <summary>Reads signal lines until the process exits (it does after its count); fails when it exits otherwise.</summary>
    public async Task<IReadOnlyList<(string Id, JsonElement Signal)>> SignalsAsync(TimeSpan timeout)
    {
        var signals = new List<(string, JsonElement)>();
        while (await ReadLineAsync(timeout) is { } line)
        {
            if (line == "open") continue;
            var parsed = JsonDocument.Parse(line).RootElement;
            signals.Add((parsed.Str("id"), parsed.GetProperty("signal").Clone()));
        }
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"follow.mjs exited with {process.ExitCode}: {await process.StandardError.ReadToEndAsync()}");
        return signals;
    }

    private async Task<string?> ReadLineAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        try
        {
            return await process.StandardOutput.ReadLineAsync(cancellation.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"follow.mjs printed nothing within {timeout.TotalSeconds} s.");
        }
    }

    public ValueTask DisposeAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        process.Dispose();
        return ValueTask.CompletedTask;
    }
}
