namespace Conversations.Abstractions;

/// <summary>The providers this service takes webhooks from; each is also its route segment and key prefix.</summary>
public static class Providers
{
    public const string Salesforge = "salesforge";
    public const string Seleqt = "seleqt";
    public const string Breakcold = "breakcold";
    public const string SalesIq = "salesiq";
    public const string Chat = "chat";
    public const string Generic = "generic";
}
