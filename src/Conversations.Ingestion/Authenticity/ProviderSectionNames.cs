namespace Conversations.Ingestion.Authenticity;

/// <summary>The configuration section name of each provider (PascalCase of its route name).</summary>
public static class ProviderSectionNames
{
    public static string For(string provider) => provider switch
    {
        "salesforge" => "Salesforge",
        "seleqt" => "Seleqt",
        "breakcold" => "Breakcold",
        "salesiq" => "SalesIq",
        "chat" => "Chat",
        "generic" => "Generic",
        _ => provider,
    };
}
