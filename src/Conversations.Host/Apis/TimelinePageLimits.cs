namespace Conversations.Host.Apis;

/// <summary>How many events one <c>GET /api/leads/{lead}/timeline</c> answer holds.</summary>
public static class TimelinePageLimits
{
    public const int Default = 100;
    public const int Max = 1000;
}
