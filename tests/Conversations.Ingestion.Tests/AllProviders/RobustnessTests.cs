using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.AllProviders;

/// <summary>
/// Neither a normalizer nor a verifier may throw, whatever the body and headers: 100,000 seeded mutants of each
/// provider's fixtures at each, and every fixture with any one field removed or retyped.
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Providers => new(ProvidersUnderTest.Names);

    public static TheoryData<string, string> Fixtures
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in ProvidersUnderTest.Names)
            {
                foreach (var fixture in Fixture.Names(provider)) data.Add(provider, fixture);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Normalize_WhenBodiesMutated_NeverThrowsAndAnswersCoherently(string name)
    {
        var provider = ProvidersUnderTest.Get(name);
        var fixtures = MutationChecks.ReadAll(name);
        var before = fixtures.Select(body => Outcome(provider.Normalizer.Normalize(body))).ToList();

        var failures = SeededMutants.Failures(fixtures, mutant =>
            provider.IsCoherent(provider.Normalizer.Normalize(mutant.Body)) ? null : "incoherent result");

        Assert.Empty(failures);
        Assert.Equal(before, fixtures.Select(body => Outcome(provider.Normalizer.Normalize(body))));
    }

    [Theory]
    [MemberData(nameof(Providers))]
    public void Verify_WhenDeliveriesMutated_NeverThrowsAndRefusesCleanly(string name)
    {
        var provider = ProvidersUnderTest.Get(name);
        var authentic = MutationChecks.ReadAll(name).Select(provider.Authentic).ToList();
        var before = authentic.Select(provider.Verifier.Verify).ToList();

        var failures = SeededMutants.Failures(MutationChecks.ReadAll(name), mutant => VerdictRules.Check(provider, mutant, authentic));

        Assert.Empty(failures);
        Assert.Equal(before, authentic.Select(provider.Verifier.Verify));
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void NormalizeAndVerify_WhenAnyFieldRemovedOrRetyped_NeverThrow(string name, string fixture)
    {
        var provider = ProvidersUnderTest.Get(name);

        foreach (var (change, body) in FieldSwaps.Of(fixture))
        {
            Assert.True(provider.IsCoherent(provider.Normalizer.Normalize(body)), $"{fixture} with {change} gave an incoherent result");
            var problem = VerdictRules.SignedOverTheMutant(provider, body);
            Assert.True(problem is null, $"{fixture} with {change}: {problem}");
        }
    }

    // What must not change once the mutants have been through: the error, the ignore or the events' ids.
    private static string Outcome(NormalizationResult result) =>
        $"{result.Error?.Kind}|{result.IgnoredReason}|{string.Join(',', result.Events.Select(e => e.EventId))}";
}
