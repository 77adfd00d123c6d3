using Conversations.Abstractions;
using Conversations.Ingestion.SalesIq;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.SalesIq;

public sealed class SalesIqFixtureTests
{
    private readonly SalesIqNormalizer _normalizer = new();

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.SalesIq));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_EachFixture_GivesItsExpectedOutcome(string fixture)
    {
        Assert.True(SalesIqExpectations.ByFixture.TryGetValue(fixture, out var expected), $"{fixture} has no expectation");
        FixtureVerifier.Verify(_normalizer, fixture, expected);
    }

    [Fact]
    public void Expectations_NameOnlyExistingFixtures() =>
        FixtureVerifier.AssertFilesExist(SalesIqExpectations.ByFixture.Keys);

    [Fact]
    public void Normalize_WhenRetried_GivesTheSameEvent()
    {
        var first = _normalizer.NormalizeFixture(SalesIqExpectations.Created).SingleEvent();
        var retry = _normalizer.NormalizeFixture(SalesIqExpectations.CreatedRetry).SingleEvent();

        Assert.Equal(first, retry);
    }

    [Fact]
    public void Normalize_WhenEventsDiffer_GivesDifferentEventIds()
    {
        var ids = Fixture.Names(Providers.SalesIq)
            .Where(name => name != SalesIqExpectations.CreatedRetry)
            .Select(name => _normalizer.NormalizeFixture(name))
            .Where(result => result.Events.Count > 0)
            .Select(result => result.SingleEvent().EventId)
            .ToList();

        Assert.Equal(8, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_WhenRedeliveredLaterAsAnotherAttempt_KeepsEveryEventId(string fixture)
    {
        var retry = Bodies.Edit(fixture, root => root["attempt"] = 3);

        var first = _normalizer.NormalizeFixture(fixture);
        var later = _normalizer.Normalize(retry, Delivery.ReceivedAt.AddMinutes(3));

        Assert.Equal(first.Events.Select(e => e.EventId), later.Events.Select(e => e.EventId));
        Assert.Equal(first.Error, later.Error);
    }
}
