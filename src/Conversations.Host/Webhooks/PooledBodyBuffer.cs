using System.Buffers;

namespace Conversations.Host.Webhooks;

/// <summary>
/// A byte buffer rented from the shared pool that grows (doubling) with the bytes that actually arrive, never
/// beyond a cap: a declared Content-Length is a claim, not a reason to allocate.
/// </summary>
internal sealed class PooledBodyBuffer(int capacityLimit) : IDisposable
{
    private const int InitialSize = 4 * 1024;

    private byte[] _buffer = [];

    public int Count { get; private set; }

    /// <summary>Where the next bytes go: free space at the end, grown first when full; empty once the cap is reached.</summary>
    public Memory<byte> FreeSpace()
    {
        if (Count == _buffer.Length && Count < capacityLimit) Grow();
        return _buffer.AsMemory(Count, Math.Min(_buffer.Length, capacityLimit) - Count);
    }

    public void Advance(int bytes) => Count += bytes;

    public byte[] ToArray() => _buffer.AsSpan(0, Count).ToArray();

    public void Dispose()
    {
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private void Grow()
    {
        var size = (int)Math.Min(Math.Max(InitialSize, (long)_buffer.Length * 2), capacityLimit);
        var larger = ArrayPool<byte>.Shared.Rent(size);
        _buffer.AsSpan(0, Count).CopyTo(larger);
        if (_buffer.Length > 0) ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = larger;
    }
}
