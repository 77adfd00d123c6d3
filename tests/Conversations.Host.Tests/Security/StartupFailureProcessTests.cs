using System.Diagnostics;

namespace Conversations.Host.Tests.Security;

/// <summary>The real process, misconfigured: one paragraph on standard error and exit code 78, no stack trace.</summary>
public sealed class StartupFailureProcessTests
{
    [Fact]
    public async Task MisconfiguredService_ExitsWith78_AndOneParagraphNamingTheSetting()
    {
        var stderr = await StartMisconfiguredAsync(new()
        {
            ["Conversations__Providers__Seleqt__Enabled"] = "true",
            ["Conversations__Providers__Seleqt__AllowUnauthenticated"] = "true",
        });

        Assert.Contains("Conversations:Providers:Seleqt:AllowUnauthenticated=true is for development only", stderr);
    }

    [Fact]
    public async Task TwoFailingValidators_AreBothNamed_InOneParagraph()
    {
        // Two validators failing at once reach the host as one AggregateException.
        var stderr = await StartMisconfiguredAsync(new()
        {
            ["Conversations__Providers__Breakcold__Enabled"] = "true",
            ["Conversations__Providers__Breakcold__AllowUnauthenticated"] = "true",
            ["Conversations__Providers__Salesforge__Enabled"] = "true",
            ["Conversations__Providers__Salesforge__AllowUnauthenticated"] = "true",
        });

        Assert.Contains("Conversations:Providers:Breakcold", stderr);
        Assert.Contains("Conversations:Providers:Salesforge:AllowUnauthenticated=true is for development only", stderr);
    }

    [Fact]
    public async Task UnreadableValue_IsNamed_WithoutEchoingIt()
    {
        var stderr = await StartMisconfiguredAsync(new()
        {
            ["Conversations__Providers__Seleqt__Enabled"] = "true",
            ["Conversations__Providers__Seleqt__AllowUnauthenticated"] = "1",
        });

        Assert.Contains("Conversations:Providers:Seleqt:AllowUnauthenticated cannot be read as true or false", stderr);
    }

    [Fact]
    public async Task UnreadableNumber_AndAFailingValidator_AreReportedTogether()
    {
        var stderr = await StartMisconfiguredAsync(new()
        {
            ["Conversations__Ingestion__MaxBodyBytes"] = "lots",
        });

        Assert.Contains("Conversations:Ingestion:MaxBodyBytes cannot be read as a whole number", stderr);
    }

    /// <summary>Starts the built host in Production with the given environment; returns its standard error once it exited with 78.</summary>
    private static async Task<string> StartMisconfiguredAsync(Dictionary<string, string> settings)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-exit-").FullName;
        var start = HostProcessStart.Create("Production", dataDirectory, workingDirectory: dataDirectory).Info;
        foreach (var (name, value) in settings) start.Environment[name] = value;
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("The misconfigured service did not exit within 90 s.");
            }

            var stderr = (await error).Trim();
            var everything = stderr + await output;
            Assert.True(process.ExitCode == 78, $"Exit code {process.ExitCode}; standard error: {stderr}");
            Assert.DoesNotContain("Unhandled exception", everything);
            Assert.DoesNotContain("   at ", everything);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.StartsWith("Orleans.Conversations did not start: its configuration is invalid.", stderr);
            return stderr;
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
