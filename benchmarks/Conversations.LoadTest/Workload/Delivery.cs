namespace Conversations.LoadTest.Workload;

/// <summary>One webhook request body, ready to post.</summary>
internal readonly record struct Delivery(DeliveryKind Kind, byte[] Body);
