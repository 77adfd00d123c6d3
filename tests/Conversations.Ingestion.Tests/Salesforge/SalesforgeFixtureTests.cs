using Conversations.Abstractions;
using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Salesforge;

public sealed class SalesforgeFixtureTests
{
    private readonly SalesforgeNormalizer _normalizer = new();

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.Salesforge));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_EachFixture_GivesItsExpectedOutcome(string fixture)
    {
        Assert.True(SalesforgeExpectations.ByFixture.TryGetValue(fixture, out var expected), $"{fixture} has no expectation");
        FixtureVerifier.Verify(_normalizer, fixture, expected);
    }

    [Fact]
    public void Expectations_NameOnlyExistingFixtures() =>
        FixtureVerifier.AssertFilesExist(SalesforgeExpectations.ByFixture.Keys);
}
