using System.Buffers;
using System.Text;

namespace Conversations.Abstractions.Leads;

/// <summary>The first step of NFC: every code point replaced by its full canonical decomposition.</summary>
internal static class CanonicalDecomposition
{
    /// <summary>
    /// Writes the decomposition of <paramref name="text"/> to <paramref name="destination"/>, which holds at least
    /// <see cref="CanonicalCompositionData.MaxDecompositionLength"/> entries per UTF-16 unit; returns how many.
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a lone surrogate, as <see cref="string.Normalize()"/> throws.</exception>
    public static int Decompose(string text, Span<CodePointWithClass> destination)
    {
        var count = 0;
        var remaining = text.AsSpan();
        while (!remaining.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(remaining, out var rune, out var consumed) != OperationStatus.Done)
                throw new ArgumentException($"Invalid Unicode: a lone surrogate at index {text.Length - remaining.Length}.", nameof(text));
            Append(rune.Value, destination, ref count);
            remaining = remaining[consumed..];
        }
        return count;
    }

    private static void Append(int codePoint, Span<CodePointWithClass> destination, ref int count)
    {
        if (HangulSyllables.TryDecompose(codePoint, out var leading, out var vowel, out var trailing))
        {
            destination[count++] = new(leading, 0);
            destination[count++] = new(vowel, 0);
            if (trailing != 0) destination[count++] = new(trailing, 0);
        }
        else if (UnicodeCanonicalTables.TryGetDecomposition(codePoint, out var first, out var second))
        {
            // Either half can have a decomposition of its own (U+1E08 is U+00C7 U+0301, and U+00C7 decomposes).
            Append(first, destination, ref count);
            if (second != 0) Append(second, destination, ref count);
        }
        else
        {
            destination[count++] = CodePointWithClass.Of(codePoint);
        }
    }
}
