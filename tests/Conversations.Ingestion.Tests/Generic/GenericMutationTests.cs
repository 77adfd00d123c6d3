using System.Collections.Concurrent;
using System.Text;
using Conversations.Abstractions;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Generic;

/// <summary>
/// 100,000 byte-mutated generic deliveries. The normalizer and the verifier never throw; the verifier accepts a
/// body exactly when the signature is over the bytes received; a mutated header never makes either throw.
/// </summary>
public sealed class GenericMutationTests
{
    private const int Deliveries = 100_000;

    // Mostly JSON punctuation and characters found in values, so that many mutants still parse and reach the
    // field readers and the enum and time checks.
    private static readonly byte[] Interesting = "{}[]\":,0123456789-+.eEtfnulTZ:@/\\ \n_vw"u8.ToArray();

    private static readonly IReadOnlyList<byte[]> Fixtures = Fixture.Names(Providers.Generic).Select(Fixture.Read).ToList();

    private readonly GenericNormalizer _normalizer = new();
    private readonly GenericVerifier _verifier = SignedDeliveries.Verifier();

    [Fact]
    public void NormalizeAndVerify_WhenBodiesAndHeadersMutated_NeverThrowAndStayCoherent()
    {
        var failures = new ConcurrentQueue<string>();

        Parallel.For(0, Deliveries, i =>
        {
            try
            {
                if (Check(i) is { } failure) failures.Enqueue($"delivery {i}: {failure}");
            }
            catch (Exception e)
            {
                failures.Enqueue($"delivery {i}: {e.GetType().Name}: {e.Message}");
            }
        });

        Assert.Empty(failures.Take(10));
    }

    /// <summary>One delivery, seeded by its number so that a failure can be replayed alone; null when all holds.</summary>
    private string? Check(int delivery)
    {
        var random = new Random(delivery);
        var original = Fixtures[delivery % Fixtures.Count];
        var body = Mutate(original, random);

        if (!GenericResultChecks.IsCoherent(_normalizer.Normalize(body, SignedDeliveries.ReceivedAt))) return "incoherent normalization";

        switch (delivery % 3)
        {
            case 0:
            {
                var verdict = _verifier.Verify(SignedDeliveries.Delivery(body, SignedDeliveries.Headers(body)));
                return verdict.IsAuthentic ? null : $"signed mutant refused: {verdict.Reason}";
            }
            case 1:
            {
                var verdict = _verifier.Verify(SignedDeliveries.Delivery(body, SignedDeliveries.Headers(original)));
                var unchanged = body.AsSpan().SequenceEqual(original);
                return verdict.IsAuthentic == unchanged ? null : $"stale signature gave IsAuthentic={verdict.IsAuthentic}";
            }
            default:
            {
                var headers = SignedDeliveries.Headers(body);
                var name = headers.Keys.ElementAt(random.Next(headers.Count));
                // Latin-1, as a server may hand over header bytes it cannot read as ASCII.
                headers[name] = Encoding.Latin1.GetString(Mutate(Encoding.Latin1.GetBytes(headers[name]), random));
                var verdict = _verifier.Verify(SignedDeliveries.Delivery(body, headers));
                return verdict.IsAuthentic || !string.IsNullOrWhiteSpace(verdict.Reason) ? null : "refused without a reason";
            }
        }
    }

    private static byte[] Mutate(byte[] bytes, Random random)
    {
        var kinds = Enum.GetValues<ByteMutationKind>();
        var mutations = Enumerable.Range(0, random.Next(1, 5)).Select(_ => new ByteMutation(
            kinds[random.Next(kinds.Length)],
            random.Next(),
            random.Next(4) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)]));
        return ByteMutation.Apply(bytes, mutations.ToList());
    }
}
