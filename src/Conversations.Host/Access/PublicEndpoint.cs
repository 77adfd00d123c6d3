namespace Conversations.Host.Access;

/// <summary>
/// Marks the endpoints anyone may reach (webhooks, which authenticate per provider, and health checks).
/// Every other endpoint, including any added later, is an operator route: it needs a credential, and with a
/// management listener it answers only there.
/// </summary>
public sealed class PublicEndpoint
{
    public static PublicEndpoint Instance { get; } = new();

    private PublicEndpoint() { }
}
