using Conversations.Abstractions;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericFixtureTests
{
    private readonly GenericNormalizer _normalizer = new();

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.Generic));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_EachFixture_GivesItsExpectedOutcome(string fixture)
    {
        if (GenericExpectations.Batches.TryGetValue(fixture, out var shapes))
        {
            var result = _normalizer.NormalizeFixture(fixture);
            Assert.Null(result.Error);
            Assert.Equal(shapes, EventShape.Of(result));
            AliasChecks.AssertEveryIdentifierIsAnAlias(result);
            Assert.All(result.Events, e => Assert.Equal(Providers.Generic, e.Provider));
            return;
        }
        Assert.True(GenericExpectations.Single.TryGetValue(fixture, out var expected), $"{fixture} has no expectation");
        FixtureVerifier.Verify(_normalizer, fixture, expected);
    }

    [Fact]
    public void Expectations_NameOnlyExistingFixtures() =>
        FixtureVerifier.AssertFilesExist(GenericExpectations.Single.Keys.Concat(GenericExpectations.Batches.Keys));
}
