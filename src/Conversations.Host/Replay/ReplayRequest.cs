namespace Conversations.Host.Replay;

/// <summary>
/// Which stored deliveries to run again: a provider (or all), a received-at range (from inclusive, to exclusive),
/// and <c>after</c>, the <c>lastDeliveryId</c> an earlier replay reported, to resume after it.
/// </summary>
public sealed record ReplayRequest(string? Provider, DateTimeOffset? From, DateTimeOffset? To, long? After = null);
