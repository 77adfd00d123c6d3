namespace Conversations.LoadTest.Workload;

/// <summary>
/// The most recent delivery bodies, for redelivering one byte for byte, as a provider does after a timeout
/// or an error it did not see the answer to. Lock-free: a slot may be overwritten while read, which only
/// means a slightly different recent body is chosen.
/// </summary>
internal sealed class RedeliveryPool(int capacity = 8192)
{
    private readonly byte[]?[] _slots = new byte[]?[capacity];
    private long _added;

    public void Add(byte[] body) => _slots[(Interlocked.Increment(ref _added) - 1) % _slots.Length] = body;

    public bool TryPick(Random random, out byte[] body)
    {
        var filled = (int)Math.Min(Interlocked.Read(ref _added), _slots.Length);
        body = filled == 0 ? [] : _slots[random.Next(filled)] ?? [];
        return body.Length > 0;
    }
}
