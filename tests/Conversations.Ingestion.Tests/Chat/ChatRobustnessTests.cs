using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Chat;

using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Chat;

/// <summary>The normalizer must never throw, whatever the body.</summary>
public sealed class ChatRobustnessTests
{
    private static readonly IReadOnlyList<byte[]> Fixtures = MutationChecks.ReadAll(Providers.Chat);

    private readonly ChatNormalizer _normalizer = new();

    [Fact]
    public void Normalize_WhenBodiesMutated_NeverThrowsAndAnswersCoherently()
    {
        var failures = BulkMutations.Failures(Fixtures, (body, _) =>
            IsCoherent(_normalizer.Normalize(body, Delivery.ReceivedAt)) ? null : "incoherent result");

        Assert.Empty(failures);
    }

    [Theory]
    [MemberData(nameof(ChatFixtureTests.Fixtures), MemberType = typeof(ChatFixtureTests))]
    public void Normalize_WhenAnyFieldRemovedOrRetyped_NeverThrows(string fixture)
    {
        foreach (var (change, body) in FieldSwaps.Of(fixture))
        {
            Assert.True(IsCoherent(_normalizer.Normalize(body)), $"{fixture} with {change} gave an incoherent result");
        }
    }

    // A chat delivery is a message, possibly followed by the conversation's status.
    private static bool IsCoherent(NormalizationResult result) => result.Events switch
    {
        [] => MutationChecks.IsCoherent(result),
        [{ Kind: EventKind.Message } message] => message.EventId.Length > 0 && !result.IsRejected && !result.IsIgnored,
        [{ Kind: EventKind.Message } message, { Kind: EventKind.StatusUpdated } status] =>
            message.EventId.Length > 0 && status.EventId.Length > 0 && message.EventId != status.EventId
            && !result.IsRejected && !result.IsIgnored,
        _ => false,
    };
}
