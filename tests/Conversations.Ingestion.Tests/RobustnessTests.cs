using Conversations.Abstractions;
using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Seleqt;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace Conversations.Ingestion.Tests;

/// <summary>Normalize must never throw, whatever the body: random and structured corruptions of every fixture.</summary>
public sealed class RobustnessTests
{
    private static readonly Lazy<IReadOnlyList<byte[]>> SalesforgeFixtures = new(() => MutationChecks.ReadAll(Providers.Salesforge));
    private static readonly Lazy<IReadOnlyList<byte[]>> SeleqtFixtures = new(() => MutationChecks.ReadAll(Providers.Seleqt));

    private readonly SalesforgeNormalizer _salesforge = new();
    private readonly SeleqtNormalizer _seleqt = new();

    [Property(MaxTest = 2000, QuietOnSuccess = true)]
    public Property Salesforge_WhenBodyMutated_NeverThrows() =>
        Prop.ForAll(ByteMutation.Arbitrary, mutations =>
            MutationChecks.NeverThrowsOnAnyFixture(_salesforge, SalesforgeFixtures.Value, mutations));

    [Property(MaxTest = 2000, QuietOnSuccess = true)]
    public Property Seleqt_WhenBodyMutated_NeverThrows() =>
        Prop.ForAll(ByteMutation.Arbitrary, mutations =>
            MutationChecks.NeverThrowsOnAnyFixture(_seleqt, SeleqtFixtures.Value, mutations));

    public static TheoryData<string, string> AllFixtures
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var provider in new[] { Providers.Salesforge, Providers.Seleqt })
            {
                foreach (var fixture in Fixture.Names(provider)) data.Add(provider, fixture);
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllFixtures))]
    public void Normalize_WhenAnyFieldRemovedOrRetyped_NeverThrows(string provider, string fixture)
    {
        var normalizer = Normalizers.For(provider);

        foreach (var (change, body) in FieldSwaps.Of(fixture))
        {
            var result = normalizer.Normalize(body);
            Assert.True(MutationChecks.IsCoherent(result), $"{fixture} with {change} gave an incoherent result");
        }
    }
}
