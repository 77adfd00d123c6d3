using System.Text.RegularExpressions;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// The host's settings as environment variables (<c>Conversations__…</c>, <c>ConnectionStrings__…</c>) wherever deploy/
/// names them: the compose file and its env examples, the Kubernetes manifests, the Dockerfile and the runbook,
/// commented-out lines included, since an operator uncomments those as they are.
/// </summary>
internal static partial class DeploySettingKeys
{
    public static IReadOnlyList<string> Files { get; } =
    [
        .. RepositoryFiles.In("deploy/compose"),
        .. RepositoryFiles.In(YamlFiles.KubernetesFolder),
        .. RepositoryFiles.In("deploy/docker"),
        "deploy/RUNBOOK.md",
        "deploy/README.md",
    ];

    public static IReadOnlyList<DeploySettingKey> All() =>
        Files.SelectMany(file => RepositoryFiles.ReadAllText(file).Split('\n')
                .SelectMany((line, index) => SettingKey().Matches(line).Select(match => new DeploySettingKey(file, index + 1, match.Value))))
            .ToList();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])(?:Conversations|ConnectionStrings)__[A-Za-z0-9_]*[A-Za-z0-9]")]
    private static partial Regex SettingKey();
}
