using Conversations.Abstractions;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericRobustnessTests
{
    private readonly GenericNormalizer _normalizer = new();

    public static TheoryData<string> Fixtures => new(Fixture.Names(Providers.Generic));

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Normalize_WhenAnyFieldRemovedOrRetyped_NeverThrows(string fixture)
    {
        foreach (var (change, body) in FieldSwaps.Of(fixture))
        {
            var result = _normalizer.Normalize(body);
            Assert.True(GenericResultChecks.IsCoherent(result), $"{fixture} with {change} gave an incoherent result");
        }
    }
}
