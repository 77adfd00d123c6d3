using System.Text;
using Conversations.Abstractions.Leads;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>
/// Compares <see cref="CanonicalComposition.ToNfc"/> with <see cref="string.Normalize()"/>, which in this test
/// process (no invariant globalization) is ICU's NFC.
/// </summary>
internal static class IcuNfcOracle
{
    private const int MismatchesShown = 10;

    public static void AssertToNfcMatches(IEnumerable<string> texts)
    {
        Assert.True("ju\u0308rgen".Normalize(NormalizationForm.FormC) == "jürgen",
            "string.Normalize does not compose here: the test process runs without ICU, so there is no oracle.");
        var mismatches = new List<string>();
        var compared = 0;
        foreach (var text in texts)
        {
            compared++;
            var expected = text.Normalize(NormalizationForm.FormC);
            var actual = CanonicalComposition.ToNfc(text);
            if (actual != expected) mismatches.Add($"{Hex(text)}: ICU {Hex(expected)}, ToNfc {Hex(actual)}");
        }
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {compared} differ, first ones:\n{string.Join('\n', mismatches.Take(MismatchesShown))}");
    }

    private static string Hex(string text) => string.Join(' ', text.EnumerateRunes().Select(r => $"U+{r.Value:X4}"));
}
