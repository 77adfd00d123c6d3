namespace Conversations.Host.Tests.Deployment;

/// <summary>One Dockerfile instruction (continuation lines joined) and the build stage it belongs to.</summary>
internal sealed record DockerInstruction(string Keyword, IReadOnlyList<string> Arguments, string Stage)
{
    /// <summary>The arguments that are not options (<c>--from=build</c>, <c>--chown=app</c>).</summary>
    public IReadOnlyList<string> Operands => Arguments.Where(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();

    public string? Option(string name) =>
        Arguments.FirstOrDefault(a => a.StartsWith($"--{name}=", StringComparison.Ordinal))?[(name.Length + 3)..];
}
