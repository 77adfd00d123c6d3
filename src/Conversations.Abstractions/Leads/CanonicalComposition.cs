using System.Buffers;
using System.Text;

namespace Conversations.Abstractions.Leads;

/// <summary>
/// Unicode Normalization Form C in managed code, from tables generated from the Unicode Character Database.
/// <see cref="string.Normalize()"/> cannot be used: the host runs with invariant globalization (no ICU), where
/// it returns its input unchanged, so <c>ju\u0308rgen</c> and <c>jürgen</c> would stay two identities.
/// </summary>
public static class CanonicalComposition
{
    private const int StackBufferLength = 256;

    /// <summary>
    /// The NFC form of <paramref name="text"/>: the same instance when it is already NFC and has no character
    /// from U+0300 up (the case of almost every identity).
    /// </summary>
    /// <exception cref="ArgumentException">The text holds a lone surrogate, as <see cref="string.Normalize()"/> throws.</exception>
    public static string ToNfc(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.AsSpan().IndexOfAnyInRange((char)CanonicalCompositionData.FirstCodePointNfcCanChange, char.MaxValue) < 0)
            return text;

        var capacity = checked(text.Length * CanonicalCompositionData.MaxDecompositionLength);
        CodePointWithClass[]? rented = null;
        var buffer = capacity <= StackBufferLength
            ? stackalloc CodePointWithClass[StackBufferLength]
            : rented = ArrayPool<CodePointWithClass>.Shared.Rent(capacity);
        try
        {
            var codePoints = buffer[..CanonicalDecomposition.Decompose(text, buffer)];
            CanonicalOrdering.Sort(codePoints);
            return ToText(codePoints[..Compose(codePoints)], text);
        }
        finally
        {
            if (rented is not null) ArrayPool<CodePointWithClass>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The last step of NFC: each code point joins the last starter before it when the pair has a primary
    /// composite and nothing left between them blocks it (a starter, or a mark of the same or a higher class).
    /// Returns how many code points remain at the front of <paramref name="codePoints"/>.
    /// </summary>
    private static int Compose(Span<CodePointWithClass> codePoints)
    {
        if (codePoints.IsEmpty) return 0;
        const int NoStarter = -1;
        var starter = codePoints[0].IsStarter ? 0 : NoStarter;
        var lastClass = codePoints[0].CombiningClass;
        var kept = 1;
        for (var i = 1; i < codePoints.Length; i++)
        {
            var current = codePoints[i];
            var adjacent = kept - 1 == starter;
            if (starter != NoStarter && (adjacent || lastClass < current.CombiningClass)
                && TryCompose(codePoints[starter].Value, current.Value, out var composite))
            {
                codePoints[starter] = CodePointWithClass.Of(composite);
                continue;
            }
            if (current.IsStarter) starter = kept;
            lastClass = current.CombiningClass;
            codePoints[kept++] = current;
        }
        return kept;
    }

    private static bool TryCompose(int first, int second, out int composite) =>
        HangulSyllables.TryCompose(first, second, out composite)
        || UnicodeCanonicalTables.TryGetPrimaryComposite(first, second, out composite);

    private static string ToText(ReadOnlySpan<CodePointWithClass> codePoints, string original)
    {
        var builder = new StringBuilder(original.Length);
        Span<char> units = stackalloc char[2];
        foreach (var codePoint in codePoints) builder.Append(units[..new Rune(codePoint.Value).EncodeToUtf16(units)]);
        return builder.Equals(original.AsSpan()) ? original : builder.ToString();
    }
}
