namespace Conversations.Ingestion;

/// <summary>A provider as registered: its name, and how its receiver is built once the container is.</summary>
internal sealed record ProviderRegistration(string Name, Func<IServiceProvider, WebhookProvider> Create);
