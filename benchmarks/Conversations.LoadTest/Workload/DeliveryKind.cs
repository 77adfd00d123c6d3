namespace Conversations.LoadTest.Workload;

/// <summary>What one request carries: a new event of a kind, or a repeat of an earlier delivery's exact body.</summary>
internal enum DeliveryKind
{
    Sent,
    Opened,
    Clicked,
    Replied,
    Redelivery,
}
