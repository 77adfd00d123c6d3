using FsCheck;
using FsCheck.Fluent;

namespace Conversations.Ingestion.Tests.Support;

internal enum ByteMutationKind
{
    FlipBit,
    Replace,
    Insert,
    Delete,
    Truncate,
}

/// <summary>
/// One random edit of a body. <see cref="Position"/> is taken modulo the body's length, so one mutation applies
/// to bodies of any size.
/// </summary>
internal sealed record ByteMutation(ByteMutationKind Kind, int Position, byte Value)
{
    // Mostly JSON's own punctuation and characters found in values, so that many mutants still parse and reach
    // the field readers; the rest are arbitrary bytes.
    private static readonly byte[] Interesting = "{}[]\":,0123456789-+.eEtfnulTZ:@/\\ \n\u00e9"u8.ToArray();

    public static Arbitrary<ByteMutation[]> Arbitrary { get; } = Arb.From(
        Gen.Choose(1, 4).SelectMany(count => Single().ArrayOf(count)));

    public static byte[] Apply(byte[] body, IEnumerable<ByteMutation> mutations) =>
        mutations.Aggregate(body, (current, mutation) => mutation.ApplyTo(current));

    public byte[] ApplyTo(byte[] body)
    {
        if (body.Length == 0) return Kind == ByteMutationKind.Insert ? [Value] : body;
        var at = Position % body.Length;
        return Kind switch
        {
            ByteMutationKind.FlipBit => With(body, at, (byte)(body[at] ^ (1 << (Value % 8)))),
            ByteMutationKind.Replace => With(body, at, Value),
            ByteMutationKind.Insert => [.. body.AsSpan(0, at), Value, .. body.AsSpan(at)],
            ByteMutationKind.Delete => [.. body.AsSpan(0, at), .. body.AsSpan(at + 1)],
            ByteMutationKind.Truncate => body[..at],
            _ => body,
        };
    }

    private static Gen<ByteMutation> Single() =>
        from kind in Gen.Elements(Enum.GetValues<ByteMutationKind>())
        from position in Gen.Choose(0, int.MaxValue)
        from value in Gen.Frequency(
            (3, Gen.Elements(Interesting)),
            (1, Gen.Choose(0, 255).Select(b => (byte)b)))
        select new ByteMutation(kind, position, value);

    private static byte[] With(byte[] body, int at, byte value)
    {
        var copy = (byte[])body.Clone();
        copy[at] = value;
        return copy;
    }
}
