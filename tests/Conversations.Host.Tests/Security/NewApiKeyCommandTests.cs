using Conversations.Host.Access;

namespace Conversations.Host.Tests.Security;

public sealed class NewApiKeyCommandTests
{
    [Fact]
    public void NewApiKey_PrintsAFreshKeyAndTheHashToConfigure_WithItsScopes()
    {
        var first = Run("new-api-key", "reporting", "read,admin");
        var second = Run("new-api-key", "reporting", "read,admin");

        var key = first.Single(line => line.StartsWith("  cvk_", StringComparison.Ordinal)).Trim();
        var hash = first.Single(line => line.Contains("__Sha256=", StringComparison.Ordinal)).Split('=')[1];
        Assert.Equal(OperatorKeys.HashOf(key), hash);
        Assert.True(ApiKeyHash.TryParse(hash, out _));
        Assert.Contains("  Conversations__Access__ApiKeys__N__Name=reporting", first);
        Assert.Contains("  Conversations__Access__ApiKeys__N__Scopes__1=admin", first);
        Assert.NotEqual(key, second.Single(line => line.StartsWith("  cvk_", StringComparison.Ordinal)).Trim());
    }

    [Fact]
    public void NewApiKey_WithAnUnknownScope_SaysWhichAndFails()
    {
        using var output = new StringWriter();
        Assert.Equal(2, NewApiKeyCommand.Run(["new-api-key", "ops", "write"], output));
        Assert.Contains("Unknown scope 'write'", output.ToString());
    }

    private static string[] Run(params string[] args)
    {
        using var output = new StringWriter();
        Assert.Equal(0, NewApiKeyCommand.Run(args, output));
        return output.ToString().Split(Environment.NewLine);
    }
}
