using Conversations.Abstractions.Events;
using System.Text.Json.Nodes;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericBatchTests
{
    private const string Batch = "generic/02-batch.json";
    private const string Replied = "generic/01-replied.json";

    private readonly GenericNormalizer _normalizer = new();

    [Fact]
    public void Normalize_WhenBatch_GivesEveryEventInOrderWithDistinctIds()
    {
        var events = _normalizer.NormalizeFixture(Batch).Events;

        Assert.Equal(4, events.Count);
        Assert.Equal(events.Count, events.Select(e => e.EventId).Distinct().Count());
    }

    [Fact]
    public void Normalize_WhenEventSentAloneOrInABatch_GivesSameEvent()
    {
        var alone = _normalizer.NormalizeFixture(Replied).SingleEvent();
        var batched = _normalizer.Normalize(BatchOf(Bodies.Parse(Replied))).SingleEvent();

        Assert.Equal(alone, batched);
    }

    [Fact]
    public void Normalize_WhenOneEventInvalid_AcceptsTheOthersAndNamesTheBadOnesIndex()
    {
        var result = _normalizer.NormalizeFixture("generic/09-batch-one-bad-event.json");

        Assert.False(result.IsRejected);
        Assert.Equal(Channel.Sms, Assert.Single(result.Events).Channel);
        var rejected = Assert.Single(result.RejectedEvents);
        Assert.Equal(NormalizationErrorKind.InvalidPayload, rejected.Kind);
        Assert.Equal("events[1]: channel is not one of: email, linkedin, chat, whatsapp, sms, twitter, crm", rejected.Detail);
    }

    [Fact]
    public void Normalize_WhenOneEventHasNoIdentity_AcceptsTheOthers()
    {
        var all = _normalizer.NormalizeFixture(Batch).Events.Count;
        var body = Bodies.Edit(Batch, root => root["events"]![2]!.AsObject().Remove("lead"));

        var result = _normalizer.Normalize(body);

        Assert.Equal(all - 1, result.Events.Count);
        var rejected = Assert.Single(result.RejectedEvents);
        Assert.Equal(NormalizationErrorKind.NoLeadIdentity, rejected.Kind);
        Assert.Equal("events[2]: no usable lead identity in lead.email, lead.linkedin, lead.phone, lead.id", rejected.Detail);
    }

    [Fact]
    public void Normalize_WhenOnlyOneEventOfALeadCarriesItsId_GivesTheLeadEveryAlias()
    {
        var lead = Assert.Single(_normalizer.NormalizeFixture(Batch).Leads);

        Assert.Equal(["email:dana.scully@contoso.example", "generic:acme-crm:ld_4471"], lead.Aliases);
        Assert.Equal(4, lead.Events.Count);
    }

    [Fact]
    public void Normalize_WhenNestedFieldInvalid_NamesIndexAndPath()
    {
        var body = Bodies.Edit(Batch, root => root["events"]![3]!["lead"]!["email"] = 7);

        var rejected = Assert.Single(_normalizer.Normalize(body).RejectedEvents);

        Assert.Equal("events[3]: lead.email is not a string", rejected.Detail);
    }

    [Fact]
    public void Normalize_WhenNoEventIsUsable_RejectsTheBatchNamingTheFirst()
    {
        var body = Bodies.Edit("generic/09-batch-one-bad-event.json", root => root["events"]![0]!["kind"] = "faxed");

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.StartsWith("events[0]: kind is not one of:", error.Detail);
    }

    [Fact]
    public void Normalize_WhenBatchHolds100Events_Accepts()
    {
        var body = BatchOf(Enumerable.Range(0, 100).Select(i => EventWithId($"evt-{i}")).ToArray());

        Assert.Equal(100, _normalizer.Normalize(body).Events.Count);
    }

    [Fact]
    public void Normalize_WhenBatchHolds101Events_Rejects()
    {
        var body = BatchOf(Enumerable.Range(0, 101).Select(i => EventWithId($"evt-{i}")).ToArray());

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("events holds 101 events; at most 100 are allowed", error.Detail);
    }

    [Fact]
    public void Normalize_WhenBatchEmpty_Rejects() =>
        Assert.Equal("events is empty", _normalizer.Normalize(Bodies.Utf8("{\"events\":[]}")).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);

    [Theory]
    [InlineData("null")]
    [InlineData("{}")]
    [InlineData("\"x\"")]
    [InlineData("3")]
    public void Normalize_WhenEventsIsNotAnArray_Rejects(string events) =>
        Assert.Equal(
            "events is not an array",
            _normalizer.Normalize(Bodies.Utf8($"{{\"events\":{events}}}")).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"evt\"")]
    public void Normalize_WhenBatchElementIsNotAnObject_ReportsItNamingIndex(string element)
    {
        var body = Bodies.Utf8($"{{\"events\":[{Bodies.Parse(Replied).ToJsonString()},{element}]}}");

        var result = _normalizer.Normalize(body);

        Assert.Single(result.Events);
        Assert.Equal("events[1]: not an object", Assert.Single(result.RejectedEvents).Detail);
    }

    [Fact]
    public void Normalize_WhenBatchRepeatsAnEvent_GivesItsIdTwice()
    {
        // Both are handed on; the timeline's append is what drops the second as a duplicate.
        var body = BatchOf(Bodies.Parse(Replied), Bodies.Parse(Replied));

        var events = _normalizer.Normalize(body).Events;

        Assert.Equal(2, events.Count);
        Assert.Equal(events[0].EventId, events[1].EventId);
    }

    private static JsonObject EventWithId(string id)
    {
        var e = Bodies.Parse(Replied);
        e["id"] = id;
        return e;
    }

    private static byte[] BatchOf(params JsonObject[] events) =>
        Bodies.Utf8(new JsonObject { ["events"] = new JsonArray(events) }.ToJsonString());
}
