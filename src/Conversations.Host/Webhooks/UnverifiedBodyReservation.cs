using System.Net;

namespace Conversations.Host.Webhooks;

/// <summary>The bytes one unverified body holds in <see cref="UnverifiedBodyBytes"/>; grows as the body does, released once.</summary>
public sealed class UnverifiedBodyReservation(UnverifiedBodyBytes counter, IPAddress client) : IDisposable
{
    private long _bytes;

    /// <summary>Holds <paramref name="bytes"/> in all for this body (what it holds already counts); the refusal when that is too many.</summary>
    public UnverifiedBodyRefusal TryHold(long bytes)
    {
        if (bytes <= _bytes) return UnverifiedBodyRefusal.None;
        var refusal = counter.TryAdd(client, bytes - _bytes);
        if (refusal == UnverifiedBodyRefusal.None) _bytes = bytes;
        return refusal;
    }

    public void Dispose()
    {
        counter.Release(client, _bytes);
        _bytes = 0;
    }
}
