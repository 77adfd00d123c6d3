using System.Text.Json;
using System.Text.RegularExpressions;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// deploy/docker/Dockerfile read as instructions: enough to check what it copies, publishes and starts without a
/// container engine (none runs where these tests run).
/// </summary>
internal sealed partial class Dockerfile
{
    public const string RelativePath = "deploy/docker/Dockerfile";

    private Dockerfile(IReadOnlyList<DockerInstruction> instructions) => Instructions = instructions;

    public IReadOnlyList<DockerInstruction> Instructions { get; }

    public static Dockerfile Load()
    {
        var instructions = new List<DockerInstruction>();
        var stage = "";
        foreach (var line in LogicalLines(RepositoryFiles.ReadAllText(RelativePath)))
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var keyword = words[0].ToUpperInvariant();
            if (keyword == "FROM") stage = words.Length >= 4 && words[^2].Equals("AS", StringComparison.OrdinalIgnoreCase) ? words[^1] : words[1];
            // Exec form keeps its JSON text whole.
            var arguments = line[words[0].Length..].TrimStart().StartsWith('[') ? [line[words[0].Length..].Trim()] : words[1..];
            instructions.Add(new DockerInstruction(keyword, arguments, stage));
        }
        return new Dockerfile(instructions);
    }

    /// <summary>The final stage: what the image is.</summary>
    public string RuntimeStage => Instructions[^1].Stage;

    /// <summary>The ENTRYPOINT, exec form, as its argument vector.</summary>
    public IReadOnlyList<string> EntryPoint =>
        JsonSerializer.Deserialize<string[]>(Instructions.Last(i => i.Keyword == "ENTRYPOINT").Arguments[0])
        ?? throw new InvalidDataException("The ENTRYPOINT is not a JSON array (exec form).");

    /// <summary>The COPY instructions that take files from the build context (not from another stage).</summary>
    public IEnumerable<DockerInstruction> ContextCopies => Instructions.Where(i => i.Keyword == "COPY" && i.Option("from") is null);

    /// <summary>The arguments of the <c>dotnet publish</c> run.</summary>
    public IReadOnlyList<string> Publish =>
        Instructions.Single(i => i.Keyword == "RUN" && i.Arguments is ["dotnet", "publish", ..]).Arguments.Skip(2).ToList();

    /// <summary>The port the image's <c>Urls</c> setting listens on.</summary>
    public int HttpPort
    {
        get
        {
            var urls = Instructions.Where(i => i.Keyword == "ENV" && i.Stage == RuntimeStage)
                .SelectMany(i => i.Arguments).Select(a => UrlsSetting().Match(a)).Single(m => m.Success);
            return int.Parse(urls.Groups["port"].Value);
        }
    }

    private static IEnumerable<string> LogicalLines(string text)
    {
        var pending = "";
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (pending.Length == 0 && (line.Length == 0 || line.StartsWith('#'))) continue;
            if (line.EndsWith('\\'))
            {
                pending += line[..^1] + " ";
                continue;
            }
            yield return pending + line;
            pending = "";
        }
    }

    [GeneratedRegex(@"^Urls=https?://[^:/]+:(?<port>\d+)$")]
    private static partial Regex UrlsSetting();
}
