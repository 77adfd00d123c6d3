using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>Checks a normalizer's result for a fixture against its <see cref="FixtureOutcome"/>.</summary>
internal static class FixtureVerifier
{
    public static void Verify(IWebhookNormalizer normalizer, string fixture, FixtureOutcome expected)
    {
        var result = normalizer.Normalize(Fixture.Read(fixture), Delivery.ReceivedAt);

        if (expected.Rejection is { } kind)
        {
            result.AssertRejected(kind);
            return;
        }
        if (expected.IgnoredReason is { } reason)
        {
            Assert.Null(result.Error);
            Assert.Equal(reason, result.IgnoredReason);
            Assert.Empty(result.Events);
            return;
        }

        var e = result.SingleEvent();
        Assert.Equal(expected.Event, Assert.Single(EventShape.Of(result)));
        AliasChecks.AssertEveryIdentifierIsAnAlias(result);
        Assert.Equal(normalizer.Provider, e.Provider);
        Assert.StartsWith($"{normalizer.Provider}:", e.EventId, StringComparison.Ordinal);
        Assert.Equal(Delivery.ReceivedAt, e.ReceivedAt);
        Assert.Equal(Delivery.ReceivedAt.Offset, e.ReceivedAt.Offset);
    }

    /// <summary>Fails when an expectation names a fixture file that does not exist.</summary>
    public static void AssertFilesExist(IEnumerable<string> fixtures)
    {
        var missing = fixtures.Where(name => !File.Exists(Fixture.PathOf(name))).ToList();
        Assert.Empty(missing);
    }
}
