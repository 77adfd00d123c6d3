using Conversations.Abstractions.Outbox;
using Conversations.Abstractions.Signals;

namespace Conversations.Storage.Outbox;

/// <summary>Claimed outbox rows and the items their ids name, put back together as entries.</summary>
internal static class OutboxClaim
{
    /// <param name="rows">The claimed rows, in claim order; an entry's two rows (events, signals) share its id.</param>
    /// <param name="events">The stored events the rows name, by event id.</param>
    /// <param name="signals">The stored signals the rows name, by signal id.</param>
    public static IReadOnlyList<OutboxEntry> Entries(
        IReadOnlyList<(Guid Id, OutboxItemKind Kind, string[] ItemIds)> rows,
        IReadOnlyDictionary<string, OutboxEvent> events,
        IReadOnlyDictionary<string, Signal> signals) =>
        rows.GroupBy(row => row.Id).Select(entry => new OutboxEntry(
            entry.Key,
            [.. Items(entry, OutboxItemKind.Events, events)],
            [.. Items(entry, OutboxItemKind.Signals, signals)])).ToList();

    public static string[] IdsOf(IEnumerable<(Guid Id, OutboxItemKind Kind, string[] ItemIds)> rows, OutboxItemKind kind) =>
        rows.Where(row => row.Kind == kind).SelectMany(row => row.ItemIds).Distinct(StringComparer.Ordinal).ToArray();

    // An id with no row behind it (it cannot happen while nothing deletes events or signals) is skipped, not published.
    private static IEnumerable<T> Items<T>(IEnumerable<(Guid Id, OutboxItemKind Kind, string[] ItemIds)> rows, OutboxItemKind kind, IReadOnlyDictionary<string, T> stored) =>
        rows.Where(row => row.Kind == kind).SelectMany(row => row.ItemIds).Where(stored.ContainsKey).Select(id => stored[id]);
}
