using System.Xml.Linq;
using Conversations.Host.Hosting;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// deploy/docker/Dockerfile, checked without building it: no container engine runs where these tests run (docker
/// build needs a daemon), so they check what the build would use and start instead. The paths it copies exist and are
/// not ignored, it restores every project the host is built from, it publishes the host into the folder the runtime
/// stage copies, and its ENTRYPOINT starts the host's assembly (PublishedEntryPointTests runs it).
/// </summary>
public sealed class DockerfileTests
{
    [Fact]
    public void EntryPoint_StartsTheHostAssemblyWithDotnet()
    {
        var hostAssembly = typeof(Program).Assembly.GetName().Name + ".dll";

        Assert.Equal(new[] { "dotnet", hostAssembly }, Dockerfile.Load().EntryPoint);
    }

    [Fact]
    public void EveryPathItCopies_ExistsAndIsNotDockerIgnored()
    {
        var ignored = RepositoryFiles.ReadAllText(".dockerignore").Split('\n')
            .Select(line => line.Trim().TrimEnd('/'))
            .Where(line => line.Length > 0 && !line.StartsWith('#'))
            .ToList();

        foreach (var source in Dockerfile.Load().ContextCopies.SelectMany(copy => copy.Operands.SkipLast(1)))
        {
            Assert.True(RepositoryFiles.Exists(source), $"The Dockerfile copies {source}, which is not in the repository.");
            var path = source.TrimEnd('/');
            Assert.DoesNotContain(ignored, pattern => path == pattern || path.StartsWith(pattern + "/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void RestoreLayer_CopiesTheProjectFileOfEveryProjectTheHostIsBuiltFrom()
    {
        var copied = Dockerfile.Load().ContextCopies.SelectMany(copy => copy.Operands.SkipLast(1)).ToHashSet(StringComparer.Ordinal);

        foreach (var project in ProjectClosure(HostProjectPath))
        {
            Assert.Contains(project, copied);
            // Files a project takes from outside its folder (the schema scripts in deploy/) must be in the image too.
            foreach (var outside in IncludedFromOutside(project))
                Assert.Contains(copied, source => outside.StartsWith(source.TrimEnd('/') + "/", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Publish_BuildsTheHostIntoTheFolderTheRuntimeStageCopies()
    {
        var dockerfile = Dockerfile.Load();
        var publish = dockerfile.Publish;

        Assert.Equal(HostProjectPath, publish[0]);
        Assert.Equal("Release", publish[publish.ToList().IndexOf("-c") + 1]);
        var output = publish[publish.ToList().IndexOf("-o") + 1];
        var fromBuild = Assert.Single(dockerfile.Instructions, i => i.Keyword == "COPY" && i.Option("from") is not null && i.Stage == dockerfile.RuntimeStage);
        Assert.Equal(output.TrimEnd('/'), fromBuild.Operands[0].TrimEnd('/'));
        // The assembly is named after the project file: no AssemblyName changes it.
        Assert.Empty(XDocument.Load(RepositoryFiles.PathOf(HostProjectPath)).Descendants("AssemblyName"));
    }

    [Fact]
    public void Image_RunsAsTheNonRootAppUserAndExposesHttpSiloAndGatewayPorts()
    {
        var dockerfile = Dockerfile.Load();
        var runtime = dockerfile.Instructions.Where(i => i.Stage == dockerfile.RuntimeStage).ToList();

        Assert.Equal(new[] { "$APP_UID" }, runtime.Last(i => i.Keyword == "USER").Arguments);
        var exposed = runtime.Where(i => i.Keyword == "EXPOSE").SelectMany(i => i.Arguments).Select(int.Parse).ToHashSet();
        var cluster = new ConversationsClusterOptions();
        Assert.Superset(new HashSet<int> { dockerfile.HttpPort, cluster.SiloPort, cluster.GatewayPort }, exposed);
    }

    private static string HostProjectPath => $"src/{typeof(Program).Assembly.GetName().Name}/{typeof(Program).Assembly.GetName().Name}.csproj";

    /// <summary>The project and every project it references, directly or not, as repository paths.</summary>
    private static IReadOnlySet<string> ProjectClosure(string project)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<string>([project]);
        while (pending.TryPop(out var current))
        {
            if (!found.Add(current)) continue;
            foreach (var reference in Includes(current, "ProjectReference")) pending.Push(reference);
        }
        return found;
    }

    private static IEnumerable<string> IncludedFromOutside(string project) =>
        Includes(project, "EmbeddedResource", "Content", "None", "Compile")
            .Where(path => !path.StartsWith(Path.GetDirectoryName(project)!.Replace('\\', '/') + "/", StringComparison.Ordinal));

    /// <summary>The Include paths of the project's items of those kinds, as repository paths.</summary>
    private static IEnumerable<string> Includes(string project, params string[] itemKinds)
    {
        var folder = Path.GetDirectoryName(RepositoryFiles.PathOf(project))!;
        return XDocument.Load(RepositoryFiles.PathOf(project)).Descendants()
            .Where(item => itemKinds.Contains(item.Name.LocalName) && item.Attribute("Include") is not null)
            .Select(item => Path.GetRelativePath(RepositoryFiles.Root, Path.GetFullPath(Path.Combine(folder, item.Attribute("Include")!.Value.Replace('\\', '/'))))
                .Replace(Path.DirectorySeparatorChar, '/'))
            .ToList();
    }
}
