using System.Collections.Concurrent;

namespace Conversations.Host.Identity;

/// <summary>
/// The bounded in-memory cache in front of the alias directory: alias → lead id. An entry is either confirmed (the
/// directory holds it) or proposed (a lead id chosen for a new alias whose claim has not committed yet), so two
/// deliveries for one new person in this silo route to one lead instead of racing two claims.
/// </summary>
/// <remarks>
/// Two generations approximate least-recently-used at the cost of a dictionary lookup: new entries go to the young
/// generation; when it is full, it becomes the old one and the old one is dropped; a hit in the old generation moves
/// the entry back to the young one. At most <c>capacity</c> entries are held.
/// </remarks>
public sealed class LeadAliasCache(int capacity)
{
    private readonly int _generationSize = Math.Max(1, capacity / 2);
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, Entry> _young = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, Entry> _old = new(StringComparer.Ordinal);

    // Writes to the young generation since it was made: ConcurrentDictionary.Count takes every lock, too dear per write.
    private int _youngWrites;

    public readonly record struct Entry(string LeadId, bool Confirmed);

    public bool TryGet(string alias, out Entry entry)
    {
        if (_young.TryGetValue(alias, out entry)) return true;
        if (!_old.TryGetValue(alias, out entry)) return false;
        Store(alias, entry);
        return true;
    }

    /// <summary>The directory says <paramref name="alias"/> belongs to <paramref name="leadId"/>.</summary>
    public void Confirm(string alias, string leadId) => Store(alias, new Entry(leadId, Confirmed: true));

    /// <summary>
    /// Proposes <paramref name="leadId"/> for a new alias; returns the entry that holds after the call (another
    /// delivery's proposal or confirmation may have come first).
    /// </summary>
    public Entry Propose(string alias, string leadId)
    {
        if (TryGet(alias, out var existing)) return existing;
        var proposed = new Entry(leadId, Confirmed: false);
        var held = _young.GetOrAdd(alias, proposed);
        if (held == proposed) RotateIfFull();
        return held;
    }

    /// <summary>Drops what this cache says about <paramref name="alias"/> if it says <paramref name="leadId"/>.</summary>
    public void Forget(string alias, string leadId)
    {
        _young.TryRemove(KeyValuePair.Create(alias, new Entry(leadId, false)));
        _young.TryRemove(KeyValuePair.Create(alias, new Entry(leadId, true)));
        _old.TryRemove(KeyValuePair.Create(alias, new Entry(leadId, false)));
        _old.TryRemove(KeyValuePair.Create(alias, new Entry(leadId, true)));
    }

    /// <summary>Entries held (takes the dictionaries' locks: for tests and diagnostics, not the hot path).</summary>
    public int Count => _young.Count + _old.Count;

    private void Store(string alias, Entry entry)
    {
        _young[alias] = entry;
        RotateIfFull();
    }

    private void RotateIfFull()
    {
        if (Interlocked.Increment(ref _youngWrites) < _generationSize) return;
        lock (_rotation)
        {
            if (Volatile.Read(ref _youngWrites) < _generationSize) return;
            _old = _young;
            _young = new(StringComparer.Ordinal);
            Volatile.Write(ref _youngWrites, 0);
        }
    }
}
