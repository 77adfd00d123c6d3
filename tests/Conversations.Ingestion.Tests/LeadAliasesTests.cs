using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;

namespace Conversations.Ingestion.Tests;

/// <summary>Every identifier an event carries becomes an alias, the one it always arrived under first.</summary>
public sealed class LeadAliasesTests
{
    private static readonly LeadIdentity Everything = new()
    {
        Email = "hanna.berg@fabrikam.example",
        LinkedInPublicId = "hanna-berg-fab",
        Phone = "+31612345678",
        ProviderLeadId = "c_8f2k1",
    };

    [Fact]
    public void Of_GivesEmailLinkedInPhoneThenTheProvidersId()
    {
        Assert.Equal(
            ["email:hanna.berg@fabrikam.example", "linkedin:hanna-berg-fab", "phone:+31612345678", "salesforge:contact:c_8f2k1"],
            LeadAliases.Of(Everything, LeadKey.SalesforgeContactPrefix));
    }

    [Theory]
    [InlineData(null, "hanna-berg-fab", "+31612345678")]
    [InlineData(null, null, "+31612345678")]
    [InlineData("hanna.berg@fabrikam.example", null, "+31612345678")]
    [InlineData(null, "hanna-berg-fab", null)]
    public void Of_StartsWithTheKeyLeadKeyGives(string? email, string? linkedIn, string? phone)
    {
        var identity = new LeadIdentity { Email = email, LinkedInPublicId = linkedIn, Phone = phone, ProviderLeadId = "42" };

        var aliases = LeadAliases.Of(identity, LeadKey.SalesIqVisitorPrefix);

        Assert.Equal(LeadKey.From(identity), aliases[0]);
        Assert.Equal("salesiq:visitor:42", aliases[^1]);
    }

    [Fact]
    public void Of_WhenTheProvidersIdSpellsTheEmail_GivesEachUnderItsOwnPrefixOnce()
    {
        var identity = new LeadIdentity { Email = "bill@example.com", ProviderLeadId = "bill@example.com" };

        var aliases = LeadAliases.Of(identity, LeadKey.ChatCustomerPrefix);

        Assert.Equal(["email:bill@example.com", "chat:customer:bill@example.com"], aliases);
    }

    [Theory]
    [InlineData(LeadKey.SalesforgeContactPrefix, "salesforge:contact:7")]
    [InlineData(LeadKey.SeleqtLeadPrefix, "seleqt:lead:7")]
    [InlineData(LeadKey.SalesIqVisitorPrefix, "salesiq:visitor:7")]
    [InlineData(LeadKey.BreakcoldLeadPrefix, "breakcold:lead:7")]
    [InlineData(LeadKey.ChatCustomerPrefix, "chat:customer:7")]
    public void Of_WithOnlyTheProvidersId_GivesItInTheProvidersScope(string scope, string expected) =>
        Assert.Equal([expected], LeadAliases.Of(new LeadIdentity { ProviderLeadId = " 7 " }, scope));

    [Fact]
    public void Of_ForTheGenericFormat_KeepsTheSourceTheIdIsScopedBy() =>
        Assert.Equal(["generic:acme-crm:ld_4471"], LeadAliases.Of(new LeadIdentity { ProviderLeadId = "acme-crm:ld_4471" }, LeadKey.GenericLeadPrefix));

    [Theory]
    [InlineData("acme-crm:null")]
    [InlineData("acme-crm:")]
    [InlineData(":ld_4471")]
    [InlineData("ld_4471")]
    public void Of_ForTheGenericFormat_WhenTheSendersIdIsMissingOrAPlaceholder_GivesNone(string providerLeadId) =>
        Assert.Empty(LeadAliases.Of(new LeadIdentity { ProviderLeadId = providerLeadId }, LeadKey.GenericLeadPrefix));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("id with spaces")]
    [InlineData("id\twith-tab")]
    [InlineData("id\u0007")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("Unknown")]
    [InlineData("N/A")]
    [InlineData("n-a")]
    [InlineData("-")]
    public void Of_WhenTheProvidersIdIsUnusable_LeavesItOut(string? id)
    {
        Assert.Empty(LeadAliases.Of(new LeadIdentity { ProviderLeadId = id }, LeadKey.BreakcoldLeadPrefix));
        Assert.Equal(["email:bill@example.com"], LeadAliases.Of(new LeadIdentity { Email = "bill@example.com", ProviderLeadId = id }, LeadKey.BreakcoldLeadPrefix));
    }

    [Fact]
    public void Of_WithAProviderIdLongerThan256Characters_LeavesItOut()
    {
        Assert.Equal(["seleqt:lead:" + new string('7', 256)], LeadAliases.Of(new LeadIdentity { ProviderLeadId = new string('7', 256) }, LeadKey.SeleqtLeadPrefix));
        Assert.Empty(LeadAliases.Of(new LeadIdentity { ProviderLeadId = new string('7', 257) }, LeadKey.SeleqtLeadPrefix));
    }

    [Fact]
    public void Of_WithNoIdentifier_IsEmpty() =>
        Assert.Empty(LeadAliases.Of(new LeadIdentity { FirstName = "Dana", Company = "Contoso" }, LeadKey.GenericLeadPrefix));

    [Theory]
    [InlineData("email:")]
    [InlineData("salesforge:")]
    [InlineData("SALESFORGE:CONTACT:")]
    public void Of_WithAScopeThatIsNoProviderScope_Throws(string scope) =>
        Assert.Throws<ArgumentException>(() => LeadAliases.Of(Everything, scope));

    [Fact]
    public void Of_GivesAliasesLeadKeyParsesBackToThemselves()
    {
        foreach (var alias in LeadAliases.Of(Everything, LeadKey.SalesforgeContactPrefix))
            Assert.Equal(alias, LeadKey.Parse(alias));
    }
}
