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

    private static byte[] With(byte[] body, int at, byte value)
    {
        var copy = (byte[])body.Clone();
        copy[at] = value;
        return copy;
    }
}
