using System.Diagnostics;
using Conversations.Testing;

namespace Conversations.Host.Tests.Security;

/// <summary>The real process, misconfigured: one paragraph on standard error and exit code 78, no stack trace.</summary>
public sealed class StartupFailureProcessTests
{
    [Fact]
    public async Task MisconfiguredService_ExitsWith78_AndOneParagraphNamingTheSetting()
    {
        var dataDirectory = Directory.CreateTempSubdirectory("conversations-exit-").FullName;
        var ports = FreePorts.GetFreeTcpPorts(3);
        var start = new ProcessStartInfo("dotnet", [typeof(Program).Assembly.Location])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = dataDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Urls"] = $"http://127.0.0.1:{ports[0]}",
                ["Conversations__Cluster__SiloPort"] = ports[1].ToString(),
                ["Conversations__Cluster__GatewayPort"] = ports[2].ToString(),
                ["Conversations__Storage__DataDirectory"] = dataDirectory,
                ["Conversations__Providers__Seleqt__Enabled"] = "true",
                ["Conversations__Providers__Seleqt__AllowUnauthenticated"] = "true",
            },
        };
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
            Assert.Equal(78, process.ExitCode);
            Assert.Contains("Conversations:Providers:Seleqt:AllowUnauthenticated=true is for development only", stderr);
            Assert.DoesNotContain("Unhandled exception", stderr + await output);
            Assert.DoesNotContain("   at ", stderr + await output);
            Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }
}
