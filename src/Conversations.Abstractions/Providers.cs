namespace Conversations.Abstractions;

/// <summary>The providers this service takes webhooks from; each is also its route segment and key prefix.</summary>
public static class Providers
{
    public const string Salesforge = "salesforge";
    public const string Seleqt = "seleqt";
}
