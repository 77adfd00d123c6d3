using Conversations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conversations.Host.Tests;

/// <summary>
/// The real host (Kestrel pipeline, silo, storage) in memory. Each instance gets free silo and gateway ports
/// and its own cluster id; the service id is fixed so a second host over the same storage sees the first's state.
/// The providers that do not sign are open as in Development, unless the settings given say otherwise.
/// </summary>
public sealed class ConversationsHostFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;

    private ConversationsHostFactory(Dictionary<string, string?> settings)
    {
        var ports = FreePorts.GetFreeTcpPorts(2);
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Conversations:Cluster:ClusterId"] = $"tests-{Guid.NewGuid():N}",
            ["Conversations:Cluster:ServiceId"] = "conversations-tests",
            ["Conversations:Cluster:SiloPort"] = ports[0].ToString(),
            ["Conversations:Cluster:GatewayPort"] = ports[1].ToString(),
        };
        _settings.TryAdd("Logging:LogLevel:Default", "Warning");
        foreach (var provider in new[] { "Salesforge", "Seleqt", "Chat" })
        {
            _settings.TryAdd($"Conversations:Providers:{provider}:Enabled", "true");
            _settings.TryAdd($"Conversations:Providers:{provider}:AllowUnauthenticated", "true");
        }
    }

    /// <summary>A host on the embedded default: a SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static ConversationsHostFactory Embedded(string dataDirectory, IDictionary<string, string?>? extra = null) =>
        new(With(extra, new() { ["Conversations:Storage:DataDirectory"] = dataDirectory }));

    /// <summary>A host storing everything in the PostgreSQL database at <paramref name="connectionString"/>.</summary>
    public static ConversationsHostFactory PostgreSql(string connectionString, IDictionary<string, string?>? extra = null) =>
        new(With(extra, new() { ["ConnectionStrings:PostgreSql"] = connectionString }));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    private static Dictionary<string, string?> With(IDictionary<string, string?>? extra, Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }
}
