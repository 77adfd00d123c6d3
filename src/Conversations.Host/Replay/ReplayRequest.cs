namespace Conversations.Host.Replay;

/// <summary>Which stored deliveries to run again: a provider (or all), and a received-at range (from inclusive, to exclusive).</summary>
public sealed record ReplayRequest(string? Provider, DateTimeOffset? From, DateTimeOffset? To);
