namespace Conversations.Abstractions.Leads;

/// <summary>
/// The second step of NFC: within each run of non-starters, a stable sort by combining class, so marks typed in
/// any order between two starters end up in one order.
/// </summary>
internal static class CanonicalOrdering
{
    public static void Sort(Span<CodePointWithClass> codePoints)
    {
        for (var i = 1; i < codePoints.Length; i++)
        {
            var current = codePoints[i];
            if (current.IsStarter) continue;
            var j = i;
            // A starter (class 0) is never greater, so a mark does not move past one.
            for (; j > 0 && codePoints[j - 1].CombiningClass > current.CombiningClass; j--)
                codePoints[j] = codePoints[j - 1];
            codePoints[j] = current;
        }
    }
}
