using System.Net;
using System.Reflection;
using Conversations.Testing;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// The image's entry point starts the host. No container engine runs here, so the image is not built: the host is
/// published as the Dockerfile publishes it, from the build these tests already run on (no restore, no network), and
/// started with the ENTRYPOINT's command from the publish folder, as the image's WORKDIR, in the Production environment.
/// </summary>
public sealed class PublishedEntryPointTests
{
    private static readonly TimeSpan PublishLimit = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task PublishedHost_StartedByTheEntryPoint_AnswersTheProbedRoutes()
    {
        var dockerfile = Dockerfile.Load();
        var folder = Directory.CreateTempSubdirectory("conversations-publish-").FullName;
        try
        {
            var publish = await ProcessRunner.RunAsync(
                "dotnet",
                ["publish", RepositoryFiles.PathOf(dockerfile.Publish[0]), "--no-build", "-c", BuildConfiguration, "-o", folder, "-nodeReuse:false"],
                PublishLimit);
            Assert.True(publish.Succeeded, $"dotnet publish failed ({publish.ExitCode}): {publish.Output}");

            var entryPoint = dockerfile.EntryPoint;
            Assert.Equal("dotnet", entryPoint[0]);
            await using var host = await RunningHostProcess.StartAsync("Production", assemblyPath: Path.Combine(folder, entryPoint[1]));
            foreach (var httpGet in KubernetesDeployment.Load().HttpProbes.Values)
            {
                using var response = await host.Client.GetAsync(httpGet.Scalar("path"));
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{httpGet.Scalar("path")} answered {(int)response.StatusCode}:\n{host.Output}");
            }
        }
        finally
        {
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>The configuration the host was built in for these tests, which is the one a publish without building can copy.</summary>
    private static string BuildConfiguration =>
        typeof(Program).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
}
