namespace Conversations.Abstractions.Leads;

/// <summary>Look-ups in the generated <see cref="CanonicalCompositionData"/>.</summary>
internal static class UnicodeCanonicalTables
{
    public static byte CombiningClass(int codePoint)
    {
        if (codePoint < CanonicalCompositionData.FirstCodePointNfcCanChange) return 0;
        var run = CanonicalCompositionData.CombiningClassRangeStarts.BinarySearch(codePoint);
        if (run < 0) run = ~run - 1;
        return run >= 0 && codePoint <= CanonicalCompositionData.CombiningClassRangeEnds[run]
            ? CanonicalCompositionData.CombiningClassRangeValues[run]
            : (byte)0;
    }

    /// <summary>The one-step canonical mapping of a code point; <paramref name="second"/> is 0 for a singleton.</summary>
    public static bool TryGetDecomposition(int codePoint, out int first, out int second)
    {
        var index = CanonicalCompositionData.DecomposedCodePoints.BinarySearch(codePoint);
        if (index < 0)
        {
            first = second = 0;
            return false;
        }
        first = CanonicalCompositionData.DecompositionFirsts[index];
        second = CanonicalCompositionData.DecompositionSeconds[index];
        return true;
    }

    /// <summary>The primary composite of a pair: excluded composites and singletons are not in the table.</summary>
    public static bool TryGetPrimaryComposite(int first, int second, out int composite)
    {
        var index = CanonicalCompositionData.CompositionPairs.BinarySearch((long)first << 32 | (uint)second);
        composite = index >= 0 ? CanonicalCompositionData.Composites[index] : 0;
        return index >= 0;
    }
}
