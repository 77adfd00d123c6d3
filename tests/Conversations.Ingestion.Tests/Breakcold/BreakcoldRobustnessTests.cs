using System.Collections.Concurrent;
using System.Text;
using Conversations.Abstractions;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;
using static Conversations.Ingestion.Tests.Breakcold.BreakcoldDeliveries;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>Neither the normalizer nor the verifier may throw, whatever the body and headers.</summary>
public sealed class BreakcoldRobustnessTests
{
    private const int Mutants = 100_000;

    // Mostly JSON punctuation and characters found in values, so that many mutants still parse and reach the readers.
    private static readonly byte[] Interesting = "{}[]\":,0123456789-+.eEtfnulTZ@/\\ \n"u8.ToArray();

    private readonly BreakcoldNormalizer _normalizer = new();

    private readonly BreakcoldVerifier _verifier = Verifier(o =>
    {
        o.Secret = BodySecret;
        o.SigningSecret = SigningSecret;
    });

    [Fact]
    public void NormalizeAndVerify_WhenBodiesAndHeadersMutated_NeverThrow()
    {
        var fixtures = MutationChecks.ReadAll(Providers.Breakcold);
        var failures = new ConcurrentQueue<string>();

        Parallel.For(0, Mutants, seed =>
        {
            if (!failures.IsEmpty) return;
            try
            {
                Check(fixtures, seed, failures);
            }
            catch (Exception e)
            {
                failures.Enqueue($"mutant {seed}: {e.GetType().Name}: {e.Message}");
            }
        });

        Assert.Empty(failures);
    }

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.Breakcold));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void NormalizeAndVerify_WhenAnyFieldRemovedOrRetyped_NeverThrow(string fixture)
    {
        foreach (var (change, body) in FieldSwaps.Of(fixture))
        {
            Assert.True(MutationChecks.IsCoherent(_normalizer.Normalize(body)), $"{fixture} with {change} gave an incoherent result");
            Assert.True(VerdictAssertions.NamesNoSecret(_verifier.Verify(Signed(body)).Reason), $"{fixture} with {change}");
        }
    }

    private void Check(IReadOnlyList<byte[]> fixtures, int seed, ConcurrentQueue<string> failures)
    {
        var random = new Random(seed);
        var body = ByteMutation.Apply(fixtures[random.Next(fixtures.Count)], Mutations(random));

        if (!MutationChecks.IsCoherent(_normalizer.Normalize(body, Delivery.ReceivedAt)))
            failures.Enqueue($"mutant {seed}: incoherent normalization");

        // Mostly signed correctly, so that the body secret is read from the mutated body too.
        var delivery = Signed(body);
        if (seed % 4 == 0)
        {
            var timestamp = Mutated(delivery.Header(TimestampHeader)!, random);
            var signature = Mutated(delivery.Header(SignatureHeader)!, random);
            delivery = With(body, (SignatureHeader, signature), (TimestampHeader, timestamp));
        }
        var verdict = _verifier.Verify(delivery);
        if (!verdict.IsAuthentic && (string.IsNullOrWhiteSpace(verdict.Reason) || !VerdictAssertions.NamesNoSecret(verdict.Reason)))
            failures.Enqueue($"mutant {seed}: refusal without a safe reason");
    }

    private static ByteMutation[] Mutations(Random random)
    {
        var mutations = new ByteMutation[random.Next(1, 5)];
        for (var i = 0; i < mutations.Length; i++)
        {
            var value = random.Next(4) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
            mutations[i] = new ByteMutation((ByteMutationKind)random.Next(5), random.Next(), value);
        }
        return mutations;
    }

    private static string Mutated(string header, Random random) =>
        Encoding.UTF8.GetString(ByteMutation.Apply(Encoding.UTF8.GetBytes(header), Mutations(random)));
}
