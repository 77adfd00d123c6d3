namespace Conversations.Host.Tests.Security;

/// <summary>Settings of a host in the Production environment: Salesforge takes deliveries with its token, nothing is open.</summary>
internal static class ProductionHost
{
    public const string SalesforgeToken = "salesforge-production-token-0123456789";

    public static Dictionary<string, string?> Settings(IDictionary<string, string?>? extra = null)
    {
        var settings = new Dictionary<string, string?>
        {
            [ConversationsHostFactory.ProductionEnvironment.Key] = ConversationsHostFactory.ProductionEnvironment.Value,
            ["Conversations:Providers:Salesforge:Enabled"] = "true",
            ["Conversations:Providers:Salesforge:Token"] = SalesforgeToken,
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }
}
