using Conversations.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Conversations.Host.Tests;

/// <summary>
/// The real host (Kestrel pipeline, silo, storage) in memory. Each instance gets free silo and gateway ports
/// and its own cluster id unless the settings name one; the service id is fixed so a second host over the same storage sees the first's state.
/// It runs in the Development environment (as <c>dotnet run</c> does: the providers that do not sign and the
/// operator routes are open) unless the settings name another: <see cref="ProductionEnvironment"/> for the doors.
/// </summary>
public sealed class ConversationsHostFactory : WebApplicationFactory<Program>
{
    public const string EnvironmentKey = "environment";
    public static readonly KeyValuePair<string, string?> ProductionEnvironment = new(EnvironmentKey, "Production");

    private readonly Dictionary<string, string?> _settings;
    private readonly string _environment;

    private ConversationsHostFactory(Dictionary<string, string?> settings)
    {
        _environment = settings.Remove(EnvironmentKey, out var environment) && environment is not null ? environment : "Development";
        var ports = FreePorts.GetFreeTcpPorts(2);
        _settings = new Dictionary<string, string?>(settings)
        {
            ["Conversations:Cluster:ServiceId"] = "conversations-tests",
            ["Conversations:Cluster:SiloPort"] = ports[0].ToString(),
            ["Conversations:Cluster:GatewayPort"] = ports[1].ToString(),
        };
        // Hosts meant to form one cluster share the ClusterId they are given.
        _settings.TryAdd("Conversations:Cluster:ClusterId", $"tests-{Guid.NewGuid():N}");
        _settings.TryAdd("Logging:LogLevel:Default", "Warning");
    }

    /// <summary>A host on the embedded default: a SQLite file in <paramref name="dataDirectory"/>.</summary>
    public static ConversationsHostFactory Embedded(string dataDirectory, IDictionary<string, string?>? extra = null) =>
        new(With(extra, new() { ["Conversations:Storage:DataDirectory"] = dataDirectory }));

    /// <summary>A host storing everything in the PostgreSQL database at <paramref name="connectionString"/>.</summary>
    public static ConversationsHostFactory PostgreSql(string connectionString, IDictionary<string, string?>? extra = null) =>
        new(With(extra, new() { ["ConnectionStrings:PostgreSql"] = connectionString }));

    /// <summary>Where Orleans clients reach this host's silo.</summary>
    public int GatewayPort => int.Parse(_settings["Conversations:Cluster:GatewayPort"]!, System.Globalization.CultureInfo.InvariantCulture);

    public string ClusterId => _settings["Conversations:Cluster:ClusterId"]!;

    public string ServiceId => _settings["Conversations:Cluster:ServiceId"]!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }

    private static Dictionary<string, string?> With(IDictionary<string, string?>? extra, Dictionary<string, string?> settings)
    {
        foreach (var (key, value) in extra ?? new Dictionary<string, string?>()) settings[key] = value;
        return settings;
    }
}
