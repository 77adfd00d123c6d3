using System.Text;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests;

public sealed class CanonicalCompositionTests
{
    private const int FirstCombiningMark = 0x0300;
    private const int LastCombiningMark = 0x036F;

    /// <summary>.NET's Normalize refuses the noncharacter U+FFFE (a check of its own, not ICU's); NFC keeps it.</summary>
    private const char RefusedByDotNet = '\uFFFE';

    [Fact]
    public void ToNfc_OfEachBmpCharacter_MatchesIcu()
    {
        var characters = Enumerable.Range(0, 0x10000).Select(c => (char)c).Where(c => !char.IsSurrogate(c) && c != RefusedByDotNet);

        IcuNfcOracle.AssertToNfcMatches(characters.Select(c => c.ToString()));
    }

    /// <remarks>
    /// The tables are Unicode 14's and this machine's ICU is Unicode 15's, which added no canonical mappings. An
    /// ICU of a later Unicode that does would fail here on the new characters only: regenerate the tables then.
    /// </remarks>
    [Fact]
    public void ToNfc_OfEachSupplementaryCharacter_MatchesIcu() =>
        IcuNfcOracle.AssertToNfcMatches(Enumerable.Range(0x10000, 0x100000).Select(char.ConvertFromUtf32));

    [Fact]
    public void ToNfc_KeepsNoncharacterU_FFFE() => Assert.Equal("a\uFFFE", CanonicalComposition.ToNfc("a\uFFFE"));

    [Fact]
    public void ToNfc_OfEachLatinGreekOrCyrillicLetterFollowedByEachCombiningMark_MatchesIcu()
    {
        var bases = Enumerable.Range(0, 0x250).Concat(Enumerable.Range(0x370, 0x500 - 0x370));
        var marks = Enumerable.Range(FirstCombiningMark, LastCombiningMark - FirstCombiningMark + 1);

        IcuNfcOracle.AssertToNfcMatches(bases.SelectMany(b => marks.Select(m => $"{(char)b}{(char)m}")));
    }

    [Fact]
    public void ToNfc_OfRandomLettersAndMarksOfMixedClasses_MatchesIcu() =>
        IcuNfcOracle.AssertToNfcMatches(RandomSequences(seed: 23, count: 20_000, NfcSamples.LettersAndMarks));

    [Fact]
    public void ToNfc_OfRandomHangulJamoAndSyllables_MatchesIcu() =>
        IcuNfcOracle.AssertToNfcMatches(RandomSequences(seed: 2023, count: 20_000, NfcSamples.Hangul));

    [Theory]
    [InlineData("\U0001D15E")]
    [InlineData("\U0001D157\U0001D165")]
    [InlineData("\U0001D160\U0001D16E\U0001D165")]
    [InlineData("\U00011099\U000110BA")]
    [InlineData("\U0001109A")]
    [InlineData("\U0001109B\U000110BA\U000110BA")]
    [InlineData("\U00011131\U00011127")]
    [InlineData("a\U0001D165\u0301\U0001D167")]
    [InlineData("\U0002F800\U0002FA1D")]
    public void ToNfc_OfSupplementaryPlaneText_MatchesIcu(string text) =>
        IcuNfcOracle.AssertToNfcMatches([text]);

    [Fact]
    public void ToNfc_ComposesDecomposedUmlauts() =>
        Assert.Equal("jürgen-müller", CanonicalComposition.ToNfc("ju\u0308rgen-mu\u0308ller"));

    [Theory]
    [InlineData("alex-doe")]
    [InlineData("jürgen-müller-4a")]
    [InlineData("Ελληνικά")]
    [InlineData("한국어")]
    public void ToNfc_WhenAlreadyNfc_ReturnsTheSameInstance(string text) =>
        Assert.Same(text, CanonicalComposition.ToNfc(text));

    [Fact]
    public void ToNfc_OfEachPairBelowU0300_ChangesNothing_AsTheFastPathAssumes()
    {
        // ToNfc returns text below U+0300 untouched without looking it up; ICU must agree on every neighbour pair.
        var belowMarks = Enumerable.Range(0, FirstCombiningMark).Select(c => (char)c).ToArray();
        IcuNfcOracle.AssertToNfcMatches(belowMarks.SelectMany(a => belowMarks.Select(b => $"{a}{b}")));
    }

    [Theory]
    [InlineData("", 0xD800, "")]
    [InlineData("", 0xDC00, "")]
    [InlineData("e\u0301", 0xD800, "")]
    [InlineData("", 0xDC00, "\u0301")]
    [InlineData("", 0xD834, "e\u0301")]
    public void ToNfc_WhenTextHasLoneSurrogate_ThrowsArgumentException_AsNormalizeDoes(string before, int surrogate, string after)
    {
        // Built here: a lone surrogate does not survive xunit's serialization of theory data.
        var text = before + (char)surrogate + after;

        Assert.Throws<ArgumentException>(() => text.Normalize(NormalizationForm.FormC));
        Assert.Throws<ArgumentException>(() => CanonicalComposition.ToNfc(text));
    }

    private static IEnumerable<string> RandomSequences(int seed, int count, IReadOnlyList<string> pieces)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Clear();
            var length = random.Next(1, 9);
            for (var j = 0; j < length; j++) text.Append(pieces[random.Next(pieces.Count)]);
            yield return text.ToString();
        }
    }
}
