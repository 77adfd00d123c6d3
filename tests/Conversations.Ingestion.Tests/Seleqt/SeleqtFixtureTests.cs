using Conversations.Abstractions;
using Conversations.Ingestion.Seleqt;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Seleqt;

public sealed class SeleqtFixtureTests
{
    private readonly SeleqtNormalizer _normalizer = new();

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.Seleqt));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_EachFixture_GivesItsExpectedOutcome(string fixture)
    {
        Assert.True(SeleqtExpectations.ByFixture.TryGetValue(fixture, out var expected), $"{fixture} has no expectation");
        FixtureVerifier.Verify(_normalizer, fixture, expected);
    }

    [Fact]
    public void Expectations_NameOnlyExistingFixtures() =>
        FixtureVerifier.AssertFilesExist(SeleqtExpectations.ByFixture.Keys);
}
