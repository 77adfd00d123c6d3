using Conversations.Abstractions;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Breakcold;

public sealed class BreakcoldFixtureTests
{
    private readonly BreakcoldNormalizer _normalizer = new();

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.Breakcold));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_EachFixture_GivesItsExpectedOutcome(string fixture)
    {
        Assert.True(BreakcoldExpectations.ByFixture.TryGetValue(fixture, out var expected), $"{fixture} has no expectation");
        FixtureVerifier.Verify(_normalizer, fixture, expected);
    }

    [Fact]
    public void Expectations_NameOnlyExistingFixtures() =>
        FixtureVerifier.AssertFilesExist(BreakcoldExpectations.ByFixture.Keys);
}
