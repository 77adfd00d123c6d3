using Conversations.Abstractions;
using Conversations.Ingestion.SalesIq;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.SalesIq;

/// <summary>Neither the normalizer nor the verifier may throw, whatever the body and the signature.</summary>
public sealed class SalesIqRobustnessTests
{
    private static readonly IReadOnlyList<byte[]> Fixtures = MutationChecks.ReadAll(Providers.SalesIq);

    private readonly SalesIqNormalizer _normalizer = new();
    private readonly SalesIqVerifier _verifier = SalesIqSigning.Verifier(SalesIqSigning.Options());

    [Fact]
    public void Normalize_WhenBodiesMutated_NeverThrowsAndAnswersCoherently()
    {
        var failures = BulkMutations.Failures(Fixtures, (body, _) =>
            MutationChecks.IsCoherent(_normalizer.Normalize(body, Delivery.ReceivedAt)) ? null : "incoherent result");

        Assert.Empty(failures);
    }

    [Fact]
    public void Verify_WhenBodiesMutatedAndSignaturesRandom_NeverThrowsNorAccepts()
    {
        var failures = BulkMutations.Failures(Fixtures, (body, random) =>
        {
            var result = _verifier.Verify(SalesIqSigning.Delivery(body, RandomSignature(random)));
            return result.IsAuthentic ? "accepted a random signature"
                : string.IsNullOrWhiteSpace(result.Reason) ? "refused without a reason"
                : null;
        });

        Assert.Empty(failures);
    }

    [Fact]
    public void Verify_WhenMutatedBodiesAreSigned_AcceptsThem()
    {
        var random = new Random(7);
        foreach (var i in Enumerable.Range(0, 50))
        {
            var body = Fixtures[i % Fixtures.Count].ToArray();
            body[random.Next(body.Length)] = (byte)random.Next(256);

            Assert.True(_verifier.Verify(SalesIqSigning.Signed(body)).IsAuthentic);
        }
    }

    [Theory]
    [MemberData(nameof(SalesIqFixtureTests.Fixtures), MemberType = typeof(SalesIqFixtureTests))]
    public void Normalize_WhenAnyFieldRemovedOrRetyped_NeverThrows(string fixture)
    {
        foreach (var (change, body) in FieldSwaps.Of(fixture))
        {
            Assert.True(MutationChecks.IsCoherent(_normalizer.Normalize(body)), $"{fixture} with {change} gave an incoherent result");
        }
    }

    private static string? RandomSignature(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => new string((char)random.Next(32, 127), random.Next(0, 400)),
        2 => Convert.ToBase64String(RandomBytes(random, random.Next(0, 600))),
        _ => Convert.ToBase64String(RandomBytes(random, 256)),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
