namespace Conversations.Host.Tests.Deployment;

/// <summary>One environment variable named in a deploy file.</summary>
internal sealed record DeploySettingKey(string File, int Line, string Name)
{
    public override string ToString() => $"{File}:{Line}: {Name}";
}
