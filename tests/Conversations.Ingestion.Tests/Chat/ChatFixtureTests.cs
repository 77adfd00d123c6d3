using Conversations.Abstractions;
using Conversations.Ingestion.Chat;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Chat;

public sealed class ChatFixtureTests
{
    private readonly ChatNormalizer _normalizer = new();

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.Chat));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_EachFixture_GivesItsExpectedEvents(string fixture)
    {
        Assert.True(ChatExpectations.ByFixture.TryGetValue(fixture, out var expected), $"{fixture} has no expectation");

        var result = _normalizer.NormalizeFixture(fixture);

        Assert.Null(result.Error);
        Assert.Null(result.IgnoredReason);
        Assert.Equal(expected, EventShape.Of(result));
        AliasChecks.AssertEveryIdentifierIsAnAlias(result);
        foreach (var e in result.Events)
        {
            Assert.Equal(Providers.Chat, e.Provider);
            Assert.StartsWith($"{Providers.Chat}:", e.EventId, StringComparison.Ordinal);
            Assert.Equal(Delivery.ReceivedAt, e.ReceivedAt);
            Assert.Null(e.Campaign);
        }
    }

    [Fact]
    public void Expectations_NameOnlyExistingFixtures() =>
        FixtureVerifier.AssertFilesExist(ChatExpectations.ByFixture.Keys);

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_WhenDeliveredAgainLater_GivesTheSameEvents(string fixture)
    {
        var first = _normalizer.NormalizeFixture(fixture);
        var again = _normalizer.Normalize(Fixture.Read(fixture), Delivery.ReceivedAt.AddHours(1));

        Assert.Equal(first.Events.Select(e => e.EventId), again.Events.Select(e => e.EventId));
    }

    [Fact]
    public void Normalize_WhenMessagesDiffer_GivesDifferentEventIds()
    {
        var ids = Fixture.Names(Providers.Chat)
            .SelectMany(name => _normalizer.NormalizeFixture(name).Events)
            .Select(e => e.EventId)
            .ToList();

        Assert.Equal(6, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }
}
