using System.Diagnostics;
using Conversations.Testing;

namespace Conversations.Host.Tests;

/// <summary>
/// How tests start the built host as its own process: <c>dotnet Conversations.Host.dll</c>, so it runs with the
/// host's runtimeconfig (server GC, invariant globalization) rather than the test process's.
/// </summary>
internal sealed record HostProcessStart(ProcessStartInfo Info, Uri BaseAddress)
{
    public static string AssemblyPath => typeof(Program).Assembly.Location;

    /// <summary>
    /// Free ports for HTTP, silo and gateway, the embedded store in <c>dataDirectory</c>. The working directory is
    /// the content root: started in the host's own folder, it reads its appsettings files. The host's build output
    /// unless <paramref name="assemblyPath"/> names another copy (a publish folder).
    /// </summary>
    public static HostProcessStart Create(string environment, string dataDirectory, string workingDirectory, string? assemblyPath = null)
    {
        var ports = FreePorts.GetFreeTcpPorts(3);
        var baseAddress = new Uri($"http://127.0.0.1:{ports[0]}");
        var info = new ProcessStartInfo("dotnet", [assemblyPath ?? AssemblyPath])
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            WorkingDirectory = workingDirectory,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = environment,
                ["Urls"] = baseAddress.ToString().TrimEnd('/'),
                ["Conversations__Cluster__SiloPort"] = ports[1].ToString(),
                ["Conversations__Cluster__GatewayPort"] = ports[2].ToString(),
                ["Conversations__Storage__DataDirectory"] = dataDirectory,
            },
        };
        return new HostProcessStart(info, baseAddress);
    }
}
