using Conversations.Abstractions.Leads;

namespace Conversations.Ingestion.Tests;

/// <summary>Keys typed into the query API: every alias the service issues is found, in any spelling of its scope.</summary>
public sealed class LeadKeyTests
{
    [Theory]
    [InlineData("email:Bill@Example.COM", "email:bill@example.com")]
    [InlineData(" Email : bill@example.com ", "email:bill@example.com")]
    [InlineData("linkedin:https://www.linkedin.com/in/Hanna-Berg-Fab/", "linkedin:hanna-berg-fab")]
    [InlineData("phone:+31 (0)6 1234 5678", "phone:+31612345678")]
    [InlineData("email:not-an-address", null)]
    [InlineData("linkedin:null", null)]
    [InlineData("phone:0612345678", null)]
    public void Parse_NormalizesIdentityKeys(string text, string? expected) =>
        Assert.Equal(expected, LeadKey.Parse(text));

    [Theory]
    [InlineData("salesforge:contact:c_8f2k1", "salesforge:contact:c_8f2k1")]
    [InlineData("Salesforge:Contact:c_8f2k1", "salesforge:contact:c_8f2k1")]
    [InlineData("seleqt:lead:9", "seleqt:lead:9")]
    [InlineData("SELEQT:LEAD:9", "seleqt:lead:9")]
    [InlineData("salesiq:visitor:60012345000090034", "salesiq:visitor:60012345000090034")]
    [InlineData("SalesIQ:Visitor:60012345000090034", "salesiq:visitor:60012345000090034")]
    [InlineData("breakcold:lead:A7b8c9d0-1e2f", "breakcold:lead:A7b8c9d0-1e2f")]
    [InlineData("chat:customer:Cus_77", "chat:customer:Cus_77")]
    [InlineData("Chat:Customer:Cus_77", "chat:customer:Cus_77")]
    [InlineData("generic:acme-crm:LD_4471", "generic:acme-crm:LD_4471")]
    [InlineData("GENERIC:acme-crm:LD_4471", "generic:acme-crm:LD_4471")]
    [InlineData("  breakcold:lead:A7b8  ", "breakcold:lead:A7b8")]
    public void Parse_AcceptsProviderScopedKeys_KeepingTheIdAsSent(string text, string expected) =>
        Assert.Equal(expected, LeadKey.Parse(text));

    [Theory]
    [InlineData("breakcold:lead:")]
    [InlineData("salesforge:contact:   ")]
    [InlineData("seleqt:lead:two words")]
    [InlineData("chat:customer:null")]
    [InlineData("salesiq:visitor:N/A")]
    [InlineData("salesiq:60012345000090034")]
    [InlineData("salesforge:42")]
    [InlineData("generic:ld_4471")]
    [InlineData("generic::ld_4471")]
    [InlineData("generic:acme-crm:")]
    [InlineData("generic:acme-crm:unknown")]
    [InlineData("generic:acme crm:ld_4471")]
    [InlineData("crm:lead:42")]
    [InlineData("42")]
    public void Parse_RejectsTextThatIsNoKeyTheServiceIssues(string text) =>
        Assert.Null(LeadKey.Parse(text));

    [Fact]
    public void Parse_RejectsAProviderIdLongerThan256Characters()
    {
        Assert.Equal("seleqt:lead:" + new string('7', 256), LeadKey.Parse("seleqt:lead:" + new string('7', 256)));
        Assert.Null(LeadKey.Parse("seleqt:lead:" + new string('7', 257)));
    }
}
