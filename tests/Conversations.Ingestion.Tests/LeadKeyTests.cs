using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;

namespace Conversations.Ingestion.Tests;

/// <summary>Lead keys: an email, LinkedIn profile or phone first; a provider's own id only when there is none.</summary>
public sealed class LeadKeyTests
{
    [Fact]
    public void From_PrefersEmailLinkedInAndPhone_ToTheProvidersId()
    {
        var identity = new LeadIdentity { Phone = "+31612345678", ProviderLeadId = "60012345000090034" };

        Assert.Equal("phone:+31612345678", LeadKey.From(identity, LeadKey.SalesIqVisitorPrefix));
    }

    [Theory]
    [InlineData(" 60012345000090034 ", "salesiq:visitor:60012345000090034")]
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("id with spaces", null)]
    [InlineData(null, null)]
    public void From_WithOnlyTheProvidersId_KeysByIt(string? id, string? expected)
    {
        Assert.Equal(expected, LeadKey.From(new LeadIdentity { ProviderLeadId = id }, LeadKey.SalesIqVisitorPrefix));
    }

    [Fact]
    public void From_WithAProviderIdLongerThan256Characters_GivesNoKey() =>
        Assert.Null(LeadKey.From(new LeadIdentity { ProviderLeadId = new string('7', 257) }, LeadKey.BreakcoldLeadPrefix));

    [Theory]
    [InlineData("salesiq:visitor:60012345000090034", "salesiq:visitor:60012345000090034")]
    [InlineData("SalesIQ:Visitor:60012345000090034", "salesiq:visitor:60012345000090034")]
    [InlineData("breakcold:lead:A7b8c9d0-1e2f", "breakcold:lead:A7b8c9d0-1e2f")]
    [InlineData("breakcold:lead:", null)]
    [InlineData("salesiq:60012345000090034", null)]
    [InlineData("salesforge:contact:42", null)]
    [InlineData("email:Bill@Example.COM", "email:bill@example.com")]
    public void Parse_AcceptsProviderScopedKeys_KeepingTheIdAsSent(string text, string? expected) =>
        Assert.Equal(expected, LeadKey.Parse(text));
}
