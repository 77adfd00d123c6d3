using System.Net;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Webhooks;

/// <summary>
/// Counts the bytes held for bodies not yet verified, in all and per client address, and refuses more than
/// <see cref="UnverifiedBodyOptions"/> allows: a caller without credentials can make a signing provider's receiver
/// read its body, but not hold much of the service's memory, nor crowd out other addresses.
/// </summary>
public sealed class UnverifiedBodyBytes(IOptions<IngestionOptions> options)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<IPAddress, long> _byAddress = [];
    private long _total;

    /// <summary>Bytes held now, in all.</summary>
    public long Held
    {
        get
        {
            lock (_gate) return _total;
        }
    }

    /// <summary>An empty reservation for one body from <paramref name="client"/>; disposing it releases what it holds.</summary>
    public UnverifiedBodyReservation Reserve(IPAddress client) => new(this, client);

    internal UnverifiedBodyRefusal TryAdd(IPAddress client, long bytes)
    {
        var limits = options.Value.UnverifiedBodies;
        lock (_gate)
        {
            var ofAddress = _byAddress.GetValueOrDefault(client);
            if (ofAddress + bytes > limits.MaxBytesPerAddress) return UnverifiedBodyRefusal.AddressOverItsShare;
            if (_total + bytes > limits.MaxBytes) return UnverifiedBodyRefusal.AllOverTheLimit;
            _byAddress[client] = ofAddress + bytes;
            _total += bytes;
            return UnverifiedBodyRefusal.None;
        }
    }

    internal void Release(IPAddress client, long bytes)
    {
        if (bytes == 0) return;
        lock (_gate)
        {
            var left = _byAddress.GetValueOrDefault(client) - bytes;
            // Addresses holding nothing are forgotten, so the table stays as small as the bodies in flight.
            if (left <= 0) _byAddress.Remove(client);
            else _byAddress[client] = left;
            _total -= bytes;
        }
    }
}

/// <summary>Why <see cref="UnverifiedBodyBytes"/> refused to hold more.</summary>
public enum UnverifiedBodyRefusal
{
    None,

    /// <summary>The client's address would hold more than <see cref="UnverifiedBodyOptions.MaxBytesPerAddress"/>.</summary>
    AddressOverItsShare,

    /// <summary>All unverified bodies together would hold more than <see cref="UnverifiedBodyOptions.MaxBytes"/>.</summary>
    AllOverTheLimit,
}
