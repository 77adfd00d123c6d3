using System.Reflection;

namespace Conversations.Host.Tests;

/// <summary>Dependencies point one way: Host -> everything; nothing else references Host, Grains never see HTTP or SQL.</summary>
public sealed class ArchitectureTests
{
    private static IReadOnlyList<string> ReferencesOf(string assemblyName) =>
        Assembly.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!).ToList();

    [Theory]
    [InlineData("Conversations.Abstractions")]
    [InlineData("Conversations.Ingestion")]
    [InlineData("Conversations.Grains")]
    [InlineData("Conversations.Storage")]
    [InlineData("Conversations.Client")]
    public void Project_DoesNotReferenceTheHost(string assemblyName) =>
        Assert.DoesNotContain("Conversations.Host", ReferencesOf(assemblyName));

    [Fact]
    public void Grains_KnowNeitherStorageTechnologyNorHttp()
    {
        var references = ReferencesOf("Conversations.Grains");
        Assert.DoesNotContain("Conversations.Storage", references);
        Assert.DoesNotContain(references, r => r.StartsWith("Npgsql", StringComparison.Ordinal) || r.StartsWith("Microsoft.Data.Sqlite", StringComparison.Ordinal));
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    [Fact]
    public void Ingestion_KnowsNeitherOrleansRuntimeNorAspNet()
    {
        var references = ReferencesOf("Conversations.Ingestion");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
        Assert.DoesNotContain("Orleans.Runtime", references);
        Assert.DoesNotContain("Conversations.Grains", references);
    }

    [Fact]
    public void Client_SeesOnlyTheContracts()
    {
        var references = ReferencesOf("Conversations.Client");
        Assert.Contains("Conversations.Abstractions", references);
        Assert.DoesNotContain(references, r => r is "Conversations.Grains" or "Conversations.Storage" or "Conversations.Ingestion");
        Assert.DoesNotContain(references, r => r.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }
}
