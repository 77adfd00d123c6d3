using Conversations.Abstractions.Events;
using Conversations.Abstractions.Timeline;

namespace Conversations.Storage.Tests;

/// <summary>How a group commit's appends become rows, and how the rows the database inserted map back to each append.</summary>
public sealed class AppendBatchTests
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Events_AreEveryAppendsEvents_InOrder_WithTheirLead()
    {
        var batch = new AppendBatch(
        [
            Append("lead-a", [Event("a1"), Event("a2")]),
            Append("lead-b", [Event("b1", EventKind.ReplyClassified)]),
        ]);

        Assert.Equal(
            [("lead-a", "a1", "sent"), ("lead-a", "a2", "sent"), ("lead-b", "b1", "reply_classified")],
            batch.Events.Select(row => (row.LeadId, row.Event.EventId, row.Kind)));
    }

    [Fact]
    public void Events_WhenAnIdRepeatsInTheBatch_AreSentOnce_AsTheFirstAppendGaveIt()
    {
        var batch = new AppendBatch(
        [
            Append("lead-a", [Event("e1"), Event("e1")]),
            Append("lead-b", [Event("e1"), Event("e2")]),
        ]);

        Assert.Equal([("lead-a", "e1"), ("lead-b", "e2")], batch.Events.Select(row => (row.LeadId, row.Event.EventId)));
    }

    [Fact]
    public void FunnelMarks_AreOneRowPerCampaignStageAndLead_WithTheStagesStableName()
    {
        var batch = new AppendBatch(
        [
            Append("lead-a", [], [Mark("c1", FunnelStage.Opened), Mark("c1", FunnelStage.Opened), Mark("c1", FunnelStage.PositiveReply)]),
            Append("lead-b", [], [Mark("c1", FunnelStage.Opened)]),
            Append("lead-a", [], [Mark("c1", FunnelStage.Opened), Mark("c2", FunnelStage.Opened)]),
        ]);

        Assert.Equal(
            [("c1", "opened", "lead-a"), ("c1", "positive_reply", "lead-a"), ("c1", "opened", "lead-b"), ("c2", "opened", "lead-a")],
            batch.FunnelMarks);
    }

    [Fact]
    public void CampaignNames_ANameGivenWinsOverNone_AndTheLastNameGivenWins()
    {
        var batch = new AppendBatch(
        [
            Append("lead-a", [], [Mark("named-late", FunnelStage.Lead, name: null), Mark("renamed", FunnelStage.Lead, "Old")]),
            Append("lead-b", [], [Mark("named-late", FunnelStage.Sent, "Spring"), Mark("renamed", FunnelStage.Lead, "New")]),
            Append("lead-c", [], [Mark("named-late", FunnelStage.Lead, name: null), Mark("unnamed", FunnelStage.Lead, name: null)]),
        ]);

        Assert.Equal(
            new Dictionary<string, string?> { ["named-late"] = "Spring", ["renamed"] = "New", ["unnamed"] = null },
            batch.CampaignNames);
    }

    [Fact]
    public void HistoryRequest_IsTheLeadsThatAskedForIt_AndTheLargestLimit()
    {
        var batch = new AppendBatch(
        [
            Append("lead-a", [Event("a1")], historyLimit: 64),
            Append("lead-b", [Event("b1")]),
            Append("lead-c", [Event("c1")], historyLimit: 8),
            Append("lead-a", [Event("a2")], historyLimit: 64),
        ]);

        var (leads, limit) = batch.HistoryRequest;

        Assert.Equal(["lead-a", "lead-c"], leads);
        Assert.Equal(64, limit);
    }

    [Fact]
    public void HistoryRequest_WhenNoAppendAsks_IsEmpty()
    {
        var (leads, limit) = new AppendBatch([Append("lead-a", [Event("a1")])]).HistoryRequest;

        Assert.Empty(leads);
        Assert.Equal(0, limit);
    }

    [Fact]
    public void Results_GiveEachAppendTheEventsTheDatabaseInserted_AtTheirPositions()
    {
        var batch = new AppendBatch(
        [
            Append("lead-a", [Event("a1"), Event("stored-before"), Event("a2")]),
            Append("lead-b", [Event("b1")]),
        ]);

        var results = batch.Results(Positions(("a1", 10), ("a2", 11), ("b1", 12)), NoHistory, NoLineage);

        Assert.Equal([("a1", 10L), ("a2", 11L)], Applied(results[0]));
        Assert.Equal([("b1", 12L)], Applied(results[1]));
    }

    [Fact]
    public void Results_WhenTwoAppendsCarryTheSameEvent_OnlyTheFirstReportsItApplied()
    {
        var batch = new AppendBatch([Append("lead-a", [Event("e1")]), Append("lead-a", [Event("e1"), Event("e2")])]);

        var results = batch.Results(Positions(("e1", 5), ("e2", 6)), NoHistory, NoLineage);

        Assert.Equal([("e1", 5L)], Applied(results[0]));
        Assert.Equal([("e2", 6L)], Applied(results[1]));
    }

    [Fact]
    public void Results_GiveEachAppendTheLatestHistoryUpToItsOwnLimit()
    {
        var batch = new AppendBatch(
        [
            Append("lead-a", [Event("a9")], historyLimit: 2),
            Append("lead-b", [Event("b9")], historyLimit: 5),
            Append("lead-a", [Event("a10")]),
            Append("lead-c", [Event("c1")], historyLimit: 5),
        ]);
        var history = new Dictionary<string, List<TimelineEntry>>
        {
            ["lead-a"] = [Entry(1, "a1"), Entry(2, "a2"), Entry(3, "a3")],
            ["lead-b"] = [Entry(4, "b1")],
        };

        var results = batch.Results(Positions(), history, NoLineage);

        Assert.Equal([2L, 3L], results[0].History.Select(entry => entry.Position));
        Assert.Equal([4L], results[1].History.Select(entry => entry.Position));
        Assert.Empty(results[2].History);
        Assert.Empty(results[3].History);
    }

    [Fact]
    public void Results_CarryTheGenerationOfEachAppendsLead_ZeroForALeadNeverMerged()
    {
        var batch = new AppendBatch([Append("lead-a", [Event("a1")]), Append("lead-b", [Event("b1")])]);

        var results = batch.Results(Positions(("a1", 1), ("b1", 2)), NoHistory, new Dictionary<string, LeadLineage> { ["lead-b"] = new(null, 3) });

        Assert.Equal([0, 3], results.Select(result => result.Generation));
    }

    [Fact]
    public void Misrouted_AreTheAppendsToAbsorbedLeads_OrArrivingUnderAnAliasAnotherLeadHolds_OrWithALosingClaim()
    {
        var batch = new AppendBatch(
        [
            Append("lead-a", [Event("a1")]),
            Append("lead-b", [Event("b1")]) with { ArrivedAs = "email:b@example.test" },
            Append("lead-c", [Event("c1")]) with { ArrivedAs = "email:c@example.test" },
            Append("lead-d", [Event("d1")]) with { Claims = ["email:d@example.test"] },
        ]);
        var lineage = new Dictionary<string, LeadLineage> { ["lead-a"] = new("lead-z", 1), ["lead-b"] = new(null, 1), ["lead-c"] = new(null, 2) };

        Assert.Equal([0], batch.ToAbsorbedLeads(lineage));
        Assert.Equal(["lead-a", "email:b@example.test", "email:c@example.test"], batch.ArrivalAliasesToCheck(lineage));
        Assert.Equal([1], batch.ArrivedElsewhere(new Dictionary<string, string> { ["email:b@example.test"] = "lead-z", ["email:c@example.test"] = "lead-c" }));
        Assert.Equal([3], batch.LosingClaims(new HashSet<string>(), new Dictionary<string, string> { ["email:d@example.test"] = "lead-y" }));
        Assert.Empty(batch.LosingClaims(new HashSet<string>(), new Dictionary<string, string> { ["email:d@example.test"] = "lead-d" }));
    }

    private static readonly IReadOnlyDictionary<string, List<TimelineEntry>> NoHistory = new Dictionary<string, List<TimelineEntry>>();

    private static readonly IReadOnlyDictionary<string, LeadLineage> NoLineage = new Dictionary<string, LeadLineage>();

    private static TimelineAppend Append(string leadKey, ConversationEvent[] events, FunnelMark[]? marks = null, int historyLimit = 0) =>
        new(leadKey, leadKey, events, marks ?? [], historyLimit);

    private static FunnelMark Mark(string campaignKey, FunnelStage stage, string? name = "Campaign") => new(campaignKey, name, stage);

    private static TimelineEntry Entry(long position, string eventId) => new(position, Event(eventId));

    private static Dictionary<string, long> Positions(params (string EventId, long Position)[] inserted) =>
        inserted.ToDictionary(row => row.EventId, row => row.Position);

    private static IEnumerable<(string, long)> Applied(AppendOutcome outcome) =>
        outcome.Applied.Select(entry => (entry.Event.EventId, entry.Position));

    private static ConversationEvent Event(string id, EventKind kind = EventKind.Sent) => new()
    {
        EventId = id,
        Kind = kind,
        Channel = Channel.Email,
        Provider = "salesforge",
        OccurredAt = T0,
        ReceivedAt = T0,
        Lead = new LeadIdentity { Email = "ada@example.test" },
    };
}
