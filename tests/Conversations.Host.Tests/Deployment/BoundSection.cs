namespace Conversations.Host.Tests.Deployment;

/// <summary>An options class and the configuration section the host binds it from.</summary>
internal sealed record BoundSection(string Path, Type Options);
