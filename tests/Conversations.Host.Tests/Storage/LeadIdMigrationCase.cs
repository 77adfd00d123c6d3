using System.Text.RegularExpressions;

namespace Conversations.Host.Tests.Storage;

/// <summary>
/// The rows a database at schema 012 holds before 013_lead_ids.sql, what the migration must make of them, and the
/// schema it must leave, in terms both stores share.
/// </summary>
internal static partial class LeadIdMigrationCase
{
    public const string LeadIdsScript = "013_lead_ids.sql";

    private const string Ada = "email:ada@example.com";
    private const string AdaOnLinkedIn = "linkedin:ada-l";
    private const string Phone = "phone:+31612345678";
    private const string FunnelOnly = "breakcold:lead:abc";

    public static readonly (string EventId, string LeadKey)[] Events =
    [
        ("ev-1", Ada), ("ev-2", AdaOnLinkedIn), ("ev-3", Ada), ("ev-4", Phone), ("ev-5", AdaOnLinkedIn), ("ev-6", Ada), ("ev-7", Phone),
    ];

    public static readonly (string Campaign, string Stage, string LeadKey)[] Funnel =
    [
        ("c-1", "contacted", Ada), ("c-1", "replied", Ada), ("c-2", "contacted", Ada),
        ("c-1", "contacted", AdaOnLinkedIn), ("c-1", "contacted", FunnelOnly), ("c-2", "replied", FunnelOnly),
    ];

    /// <summary>Legacy databases and files were created by the scripts before this one.</summary>
    public static IEnumerable<string> ScriptsBeforeLeadIds(IEnumerable<string> scriptNames) =>
        scriptNames.Where(script => string.CompareOrdinal(script, LeadIdsScript) < 0);

    public static void AssertMigrated(MigratedRows rows, IReadOnlyDictionary<string, long> positionsBefore, DateTime migratedFrom, DateTime migratedUntil)
    {
        var oldKeys = Events.Select(e => e.LeadKey).Concat(Funnel.Select(f => f.LeadKey)).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(oldKeys, rows.Aliases.Select(a => a.Alias).Order(StringComparer.Ordinal));
        Assert.All(rows.Aliases, alias =>
        {
            Assert.Matches(LeadIdPattern(), alias.LeadId);
            Assert.Null(alias.LinkedByEvent);
            // SQLite keeps whole seconds of its own clock.
            Assert.InRange(alias.LinkedAt, migratedFrom.AddSeconds(-1), migratedUntil.AddSeconds(1));
        });
        Assert.Equal(rows.Aliases.Count, rows.Aliases.Select(a => a.LeadId).Distinct().Count());

        var leadOf = rows.Aliases.ToDictionary(a => a.Alias, a => a.LeadId);
        Assert.Equal(
            Events.Select(e => new EventRow(positionsBefore[e.EventId], e.EventId, e.LeadKey, leadOf[e.LeadKey])).OrderBy(e => e.Position),
            rows.Events);
        Assert.Equal(
            Funnel.Select(f => new FunnelRow(f.Campaign, f.Stage, leadOf[f.LeadKey])).OrderBy(f => (f.Campaign, f.Stage, f.LeadId)),
            rows.Funnel.OrderBy(f => (f.Campaign, f.Stage, f.LeadId)));
    }

    public static void AssertSame(MigratedRows expected, MigratedRows actual)
    {
        Assert.Equal(expected.Aliases, actual.Aliases);
        Assert.Equal(expected.Events, actual.Events);
        Assert.Equal(expected.Funnel, actual.Funnel);
    }

    /// <summary>
    /// One line per column (in table order, with the store's type), per primary key and per other index, as
    /// <see cref="LeadIdMigrationContract"/> reads the catalog. The events' key differs by store and 013 keeps it.
    /// </summary>
    public static IReadOnlyList<string> ExpectedSchema(StoreTypes type, string eventsPrimaryKey) =>
    [
        $"conversation_events.position {type.Position} NOT NULL",
        $"conversation_events.event_id {type.Text} NOT NULL",
        $"conversation_events.arrived_as {type.Text} NOT NULL",
        $"conversation_events.occurred_at {type.Instant} NOT NULL",
        $"conversation_events.received_at {type.Instant} NOT NULL",
        $"conversation_events.kind {type.Text} NOT NULL",
        $"conversation_events.provider {type.Text} NOT NULL",
        $"conversation_events.campaign_key {type.Text} NULL",
        $"conversation_events.payload {type.Json} NOT NULL",
        $"conversation_events.lead_id {type.Text} NOT NULL",
        $"conversation_events primary key ({eventsPrimaryKey})",
        "conversation_events index conversation_events_by_lead_id (lead_id, position)",
        "conversation_events index conversation_events_by_lead_id_occurred_at (lead_id, occurred_at, position)",
        $"campaign_funnel.campaign_key {type.Text} NOT NULL",
        $"campaign_funnel.stage {type.Text} NOT NULL",
        $"campaign_funnel.lead_id {type.Text} NOT NULL",
        "campaign_funnel primary key (campaign_key, stage, lead_id)",
        $"lead_aliases.alias {type.Text} NOT NULL",
        $"lead_aliases.lead_id {type.Text} NOT NULL",
        $"lead_aliases.linked_at {type.Instant} NOT NULL",
        $"lead_aliases.linked_by_event {type.Text} NULL",
        "lead_aliases primary key (alias)",
        "lead_aliases index lead_aliases_by_lead (lead_id)",
    ];

    [GeneratedRegex("^ld_[0-9a-f]{32}$")]
    private static partial Regex LeadIdPattern();
}

/// <summary>How a store names the column types of the timeline tables.</summary>
public sealed record StoreTypes(string Text, string Position, string Instant, string Json);

public sealed record AliasRow(string Alias, string LeadId, DateTime LinkedAt, string? LinkedByEvent);

public sealed record EventRow(long Position, string EventId, string ArrivedAs, string LeadId);

public sealed record FunnelRow(string Campaign, string Stage, string LeadId);

public sealed record MigratedRows(IReadOnlyList<AliasRow> Aliases, IReadOnlyList<EventRow> Events, IReadOnlyList<FunnelRow> Funnel);
