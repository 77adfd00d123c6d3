using System.Diagnostics;
using System.Net;
using System.Text;

namespace Conversations.Host.Tests;

/// <summary>
/// The built host running as its own process in Development on the embedded store, in a temporary folder, with a
/// client for its HTTP listener. Disposing kills the process and removes the folder.
/// </summary>
internal sealed class RunningHostProcess : IAsyncDisposable
{
    private static readonly TimeSpan ReadyLimit = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);

    private readonly string _dataDirectory;
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private RunningHostProcess(string dataDirectory, HostProcessStart start)
    {
        _dataDirectory = dataDirectory;
        Client = new HttpClient { BaseAddress = start.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        _process = new Process { StartInfo = start.Info };
        _process.OutputDataReceived += (_, line) => Record(line.Data);
        _process.ErrorDataReceived += (_, line) => Record(line.Data);
    }

    public HttpClient Client { get; }

    /// <summary>What the process printed so far, for failure messages.</summary>
    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    /// <summary>Starts the host in Development from its own folder (so its appsettings files apply) and waits until /health/ready answers 200.</summary>
    public static Task<RunningHostProcess> StartDevelopmentAsync() => StartAsync("Development");

    /// <summary>
    /// Starts <c>dotnet <paramref name="assemblyPath"/></c> (the built host by default) from the assembly's folder in
    /// <paramref name="environment"/>, with <paramref name="settings"/> (keys as in appsettings, <c>Section:Key</c>) as
    /// environment variables, and waits until /health/ready answers 200.
    /// </summary>
    public static async Task<RunningHostProcess> StartAsync(
        string environment, IReadOnlyDictionary<string, string>? settings = null, string? assemblyPath = null)
    {
        assemblyPath ??= HostProcessStart.AssemblyPath;
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-process-").FullName;
        var start = HostProcessStart.Create(environment, dataDirectory, Path.GetDirectoryName(assemblyPath)!, assemblyPath);
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var host = new RunningHostProcess(dataDirectory, start);
        try
        {
            host._process.Start();
            host._process.BeginOutputReadLine();
            host._process.BeginErrorReadLine();
            await host.WaitUntilReadyAsync();
            return host;
        }
        catch
        {
            await host.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        catch (TimeoutException)
        {
            // Killed but not yet reaped; the folder may still be in use, which is why deleting it may fail too.
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    private async Task WaitUntilReadyAsync()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < ReadyLimit)
        {
            if (_process.HasExited) Assert.Fail($"The host exited with {_process.ExitCode} before it was ready:\n{Output}");
            try
            {
                using var response = await Client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK) return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }
            await Task.Delay(PollInterval);
        }
        Assert.Fail($"The host did not answer /health/ready with 200 within {ReadyLimit.TotalSeconds:0} s:\n{Output}");
    }

    private void Record(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }
}
