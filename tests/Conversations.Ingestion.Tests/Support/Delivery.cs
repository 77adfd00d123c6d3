using Conversations.Abstractions.Events;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>Runs deliveries through a normalizer at a fixed receive time.</summary>
internal static class Delivery
{
    /// <summary>After every fixture's event time, so none of them is in the future.</summary>
    public static readonly DateTimeOffset ReceivedAt = new(2026, 10, 1, 0, 0, 0, TimeSpan.Zero);

    public static NormalizationResult NormalizeFixture(this IWebhookNormalizer normalizer, string fixture) =>
        normalizer.Normalize(Fixture.Read(fixture), ReceivedAt);

    public static NormalizationResult Normalize(this IWebhookNormalizer normalizer, byte[] body) =>
        normalizer.Normalize(body, ReceivedAt);

    /// <summary>The one event of an accepted delivery; fails with the rejection or ignore reason otherwise.</summary>
    public static ConversationEvent SingleEvent(this NormalizationResult result)
    {
        Assert.Null(result.Error);
        Assert.Null(result.IgnoredReason);
        return Assert.Single(result.Events);
    }

    public static NormalizationError AssertRejected(this NormalizationResult result, NormalizationErrorKind kind)
    {
        var error = Assert.IsType<NormalizationError>(result.Error);
        Assert.Equal(kind, error.Kind);
        Assert.False(string.IsNullOrWhiteSpace(error.Detail));
        Assert.Empty(result.Events);
        return error;
    }
}
