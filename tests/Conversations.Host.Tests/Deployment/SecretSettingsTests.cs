using System.Text.RegularExpressions;

namespace Conversations.Host.Tests.Deployment;

/// <summary>No deploy file writes a secret: each is empty, a <c>&lt;placeholder&gt;</c>, or a <c>${VARIABLE}</c> taken from the environment.</summary>
public sealed partial class SecretSettingsTests
{
    [Fact]
    public void DeployFiles_WriteNoSecret()
    {
        var written = DeploySettingKeys.Files
            .Where(file => !file.EndsWith(".md", StringComparison.Ordinal))
            .SelectMany(file => RepositoryFiles.ReadAllText(file).Split('\n').Select((text, index) => (file, line: index + 1, text)))
            .Select(line => (line, assignment: SecretAssignment().Match(line.text)))
            .Where(found => found.assignment.Success && WritesASecret(found.assignment.Groups["value"].Value))
            .Select(found => $"{found.line.file}:{found.line.line}: {found.line.text.Trim()}")
            .ToList();

        Assert.True(written.Count == 0, "Secrets written in deploy files:\n" + string.Join("\n", written));
    }

    [Theory]
    [InlineData("", false)]
    [InlineData("\"<at least 16 random characters>\"", false)]
    [InlineData("${POSTGRES_PASSWORD:?set it}", false)]
    [InlineData("|", false)]
    [InlineData("\"Host=postgres;Username=conversations;Password=${POSTGRES_PASSWORD:?set it}\"", false)]
    [InlineData("\"Host=<postgres-host>;Password=<password>\"", false)]
    [InlineData("s3cr3t-token-0123456789", true)]
    [InlineData("Host=postgres;Username=conversations;Password=hunter2", true)]
    public void WritesASecret_TellsValuesFromPlaceholders(string value, bool secret) => Assert.Equal(secret, WritesASecret(value));

    private static bool WritesASecret(string value)
    {
        var text = value.Trim().Trim('"');
        // A connection string is secret by its password only.
        if (ConnectionPassword().Match(text) is { Success: true } password) text = password.Groups["password"].Value;
        return !(text.Length == 0 || text == "|" || text.StartsWith('<') || text.StartsWith("${", StringComparison.Ordinal));
    }

    // A token, secret, key, hash, password or connection string given a value, as NAME=value or NAME: value.
    [GeneratedRegex(@"(?:(?:Conversations|ConnectionStrings)__\w*?(?:Token|Secret|PublicKeyPem|Sha256|Password|PostgreSql)|POSTGRES_PASSWORD)\s*[:=][ \t]*(?<value>.*)$")]
    private static partial Regex SecretAssignment();

    [GeneratedRegex(@"Password=(?<password>[^;]*)", RegexOptions.IgnoreCase)]
    private static partial Regex ConnectionPassword();
}
