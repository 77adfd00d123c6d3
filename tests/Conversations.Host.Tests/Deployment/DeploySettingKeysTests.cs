using System.Reflection;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// Every setting the deploy files pass to the service is one it reads: a misspelt variable would otherwise be ignored
/// without a word, leaving a provider off or a cluster port at its default.
/// </summary>
public sealed class DeploySettingKeysTests
{
    [Fact]
    public void EverySettingNamedInDeploy_IsOneTheHostBinds()
    {
        var keys = DeploySettingKeys.All();

        // The deploy files name at least the connection string and the Kubernetes switch: a scan that finds nothing proves nothing.
        Assert.Contains(keys, k => k.Name == "ConnectionStrings__PostgreSql" && k.File == YamlFiles.ComposeFile);
        Assert.Contains(keys, k => k.Name == "Conversations__Cluster__Kubernetes" && k.File.StartsWith(YamlFiles.KubernetesFolder, StringComparison.Ordinal));
        var unbound = keys.Where(k => !HostSettings.IsBound(k.Name)).Select(k => k.ToString()).ToList();
        Assert.True(unbound.Count == 0, "Not settings of the host:\n" + string.Join("\n", unbound));
    }

    [Theory]
    [InlineData("ConnectionStrings__PostgreSql")]
    [InlineData("connectionstrings__postgresql")]
    [InlineData("Conversations__Cluster__SiloPort")]
    [InlineData("Conversations__Cluster__Kubernetes")]
    [InlineData("Conversations__Cluster__Tls__CertificatePath")]
    [InlineData("Conversations__Storage__PostgreSqlConnectionString")]
    [InlineData("Conversations__Providers__SalesIq__PublicKeyPem")]
    [InlineData("Conversations__Providers__Salesforge__Token")]
    [InlineData("Conversations__Access__ApiKeys__3__Scopes__1")]
    [InlineData("Conversations__Access__Jwt__Audience")]
    [InlineData("Conversations__Signals__ReplyIntent__Positive__0")]
    [InlineData("Conversations__Ingestion__Admission__QueueLimit")]
    [InlineData("Conversations__Dashboard__HideTrace")]
    public void Setting_TheHostBinds_IsRecognised(string key) => Assert.True(HostSettings.IsBound(key), key);

    [Theory]
    [InlineData("ConnectionStrings__Postgres")]
    [InlineData("Conversations__Cluster__SiloPrt")]
    [InlineData("Conversations__Clusters__SiloPort")]
    [InlineData("Conversations__Providers__Salesforge__Tokn")]
    [InlineData("Conversations__Providers__Salesforce__Token")]
    [InlineData("Conversations__Access__ApiKeys__0__Sha265")]
    [InlineData("Conversations__Access__ApiKeys__N__Sha256")]
    [InlineData("Conversations__Access__ApiKeys__0__Scopes")]
    [InlineData("Conversations__Cluster")]
    [InlineData("Conversations__Management__UrlList__0")]
    [InlineData("Conversations__RateLimiting__Webhooks__Burst")]
    public void Setting_MisspeltOrIncomplete_IsRefused(string key) => Assert.False(HostSettings.IsBound(key), key);

    [Fact]
    public void HostSettings_CoverEverySectionTheHostDeclares()
    {
        var host = typeof(Program).Assembly;
        var assemblies = host.GetReferencedAssemblies()
            .Where(name => name.Name?.StartsWith("Conversations.", StringComparison.Ordinal) == true)
            .Select(Assembly.Load)
            .Append(host);
        var declared = assemblies.SelectMany(assembly => assembly.GetTypes())
            .Select(type => type.GetField("SectionName", BindingFlags.Public | BindingFlags.Static))
            .Where(field => field is { IsLiteral: true } && field.FieldType == typeof(string))
            .Select(field => (string)field!.GetRawConstantValue()!);

        var known = HostSettings.Sections.Select(s => s.Path).ToHashSet(StringComparer.OrdinalIgnoreCase);
        Assert.All(declared, section => Assert.Contains(section, known));
    }
}
