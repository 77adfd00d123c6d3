namespace Conversations.Abstractions.Leads;

/// <summary>
/// The precomposed Hangul syllables are not in the decomposition tables: the Unicode standard (section 3.12)
/// defines them arithmetically from a leading consonant, a vowel and an optional trailing consonant.
/// </summary>
internal static class HangulSyllables
{
    private const int SyllableBase = 0xAC00;
    private const int LeadingBase = 0x1100;
    private const int VowelBase = 0x1161;
    private const int TrailingBase = 0x11A7;
    private const int LeadingCount = 19;
    private const int VowelCount = 21;
    private const int TrailingCount = 28;
    private const int SyllablesPerLeading = VowelCount * TrailingCount;
    private const int SyllableCount = LeadingCount * SyllablesPerLeading;

    /// <summary>Splits a syllable into its jamo; <paramref name="trailing"/> is 0 when it has none.</summary>
    public static bool TryDecompose(int codePoint, out int leading, out int vowel, out int trailing)
    {
        var index = codePoint - SyllableBase;
        if (index is < 0 or >= SyllableCount)
        {
            leading = vowel = trailing = 0;
            return false;
        }
        leading = LeadingBase + index / SyllablesPerLeading;
        vowel = VowelBase + index % SyllablesPerLeading / TrailingCount;
        var trailingIndex = index % TrailingCount;
        trailing = trailingIndex == 0 ? 0 : TrailingBase + trailingIndex;
        return true;
    }

    /// <summary>Leading consonant + vowel, or a syllable without a trailing consonant + trailing consonant.</summary>
    public static bool TryCompose(int first, int second, out int syllable)
    {
        int leadingIndex = first - LeadingBase, vowelIndex = second - VowelBase;
        if (leadingIndex is >= 0 and < LeadingCount && vowelIndex is >= 0 and < VowelCount)
        {
            syllable = SyllableBase + (leadingIndex * VowelCount + vowelIndex) * TrailingCount;
            return true;
        }
        int syllableIndex = first - SyllableBase, trailingIndex = second - TrailingBase;
        if (syllableIndex is >= 0 and < SyllableCount && syllableIndex % TrailingCount == 0
            && trailingIndex is > 0 and < TrailingCount)
        {
            syllable = first + trailingIndex;
            return true;
        }
        syllable = 0;
        return false;
    }
}
