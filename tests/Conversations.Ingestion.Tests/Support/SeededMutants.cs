using System.Collections.Concurrent;

namespace Conversations.Ingestion.Tests.Support;

/// <summary>One byte-mutated copy of a fixture, made from its own seed.</summary>
internal sealed record Mutant(int Seed, int Fixture, byte[] Original, byte[] Body, Random Random)
{
    public bool Changed => !Body.AsSpan().SequenceEqual(Original);
}

/// <summary>
/// Many byte-mutated copies of a provider's fixtures, each made from its own seed so that a failure names the
/// seed that reproduces it. Runs in parallel: the code under test is pure.
/// </summary>
internal static class SeededMutants
{
    public const int Count = 100_000;

    // JSON punctuation, digits (SalesIQ's times are digit strings), time and enum characters, and characters found
    // in values; the rest are arbitrary bytes.
    private static readonly byte[] Interesting = "{}[]\":,0123456789-+.eEtfnulTZ@/\\ \n_vw\u00e9"u8.ToArray();

    /// <summary>The first failures: an exception, or what <paramref name="check"/> found wrong.</summary>
    public static IReadOnlyList<string> Failures(IReadOnlyList<byte[]> fixtures, Func<Mutant, string?> check)
    {
        var insideStrings = fixtures.Select(InsideStrings).ToList();
        var failures = new ConcurrentQueue<string>();
        Parallel.For(0, Count, seed =>
        {
            var random = new Random(seed);
            var which = random.Next(fixtures.Count);
            var mutant = new Mutant(seed, which, fixtures[which], Mutate(fixtures[which], insideStrings[which], random), random);
            try
            {
                if (check(mutant) is { } problem) failures.Enqueue($"seed {seed}: {problem}");
            }
            catch (Exception e)
            {
                failures.Enqueue($"seed {seed}: {e.GetType().Name}: {e.Message}");
            }
        });
        return failures.Take(10).ToList();
    }

    /// <summary>Edits anywhere in <paramref name="bytes"/>, for headers and tokens.</summary>
    public static byte[] Mutate(byte[] bytes, Random random) => Mutate(bytes, [], random);

    // Most edits anywhere in a body break its JSON, so every other mutant is edited inside a string literal only:
    // those still parse and reach the readers of ids, times, emails and phones.
    private static byte[] Mutate(byte[] body, int[] insideStrings, Random random)
    {
        var inValues = random.Next(2) == 0 && insideStrings.Length > 0;
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var kind = (ByteMutationKind)random.Next(inValues ? (int)ByteMutationKind.Truncate : Enum.GetValues<ByteMutationKind>().Length);
            var value = random.Next(4) == 0 ? (byte)random.Next(256) : Interesting[random.Next(Interesting.Length)];
            var position = inValues ? insideStrings[random.Next(insideStrings.Length)] : random.Next();
            body = new ByteMutation(kind, position, value).ApplyTo(body);
        }
        return body;
    }

    private static int[] InsideStrings(byte[] body)
    {
        var offsets = new List<int>();
        var inside = false;
        for (var i = 0; i < body.Length; i++)
        {
            if (body[i] == '"' && (i == 0 || body[i - 1] != '\\')) inside = !inside;
            else if (inside) offsets.Add(i);
        }
        return [.. offsets];
    }
}
