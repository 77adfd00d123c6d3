using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Breakcold;

public sealed class BreakcoldNormalizerTests
{
    private const string Status = "breakcold/03-lead.status.update.json";
    private const string LinkedIn = "breakcold/04-lead.linkedin.new.json";
    private const string Reply = "breakcold/05-campaign.email.reply.json";
    private const string Open = "breakcold/06-campaign.email.open.json";
    private const string Task = "breakcold/11-lead.task.create-phone-only.json";

    private readonly BreakcoldNormalizer _normalizer = new();

    [Fact]
    public void Normalize_EveryAcceptedFixture_GetsItsOwnEventId()
    {
        var ids = AcceptedEvents().Select(e => e.EventId).ToList();

        Assert.Equal(14, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.All(ids, id => Assert.StartsWith("breakcold:", id, StringComparison.Ordinal));
    }

    [Fact]
    public void Normalize_WhenReceivedAtAnotherTime_KeepsEveryEventId()
    {
        foreach (var fixture in Fixture.Names(Providers.Breakcold))
        {
            var first = _normalizer.Normalize(Fixture.Read(fixture), Delivery.ReceivedAt);
            var later = _normalizer.Normalize(Fixture.Read(fixture), Delivery.ReceivedAt.AddHours(3));

            Assert.Equal(first.Events.Select(e => e.EventId), later.Events.Select(e => e.EventId));
        }
    }

    [Fact]
    public void Normalize_WhenMessageIdSameButTextEdited_KeepsEventId()
    {
        var edited = Bodies.Edit(LinkedIn, root => root.At("payload.message")["text"] = "Edited.");

        Assert.Equal(_normalizer.NormalizeFixture(LinkedIn).SingleEvent().EventId, _normalizer.Normalize(edited).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenMessagesWithoutIdsDifferOnlyInText_GivesDifferentEventIds()
    {
        var first = Bodies.Edit(LinkedIn, root => root.At("payload.message").Remove("id"));
        var second = Bodies.Edit(LinkedIn, root =>
        {
            root.At("payload.message").Remove("id");
            root.At("payload.message")["text"] = "And one more thing.";
        });

        Assert.NotEqual(_normalizer.Normalize(first).SingleEvent().EventId, _normalizer.Normalize(second).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenStatusChangesTwiceAtOneTime_GivesDifferentEventIds()
    {
        var lost = Bodies.Edit(Status, root => root.At("payload.status")["name"] = "Lost");

        Assert.NotEqual(_normalizer.NormalizeFixture(Status).SingleEvent().EventId, _normalizer.Normalize(lost).SingleEvent().EventId);
    }

    [Theory]
    [InlineData("id_event")]
    [InlineData("event_id")]
    [InlineData("delivery_id")]
    public void Normalize_WhenBodyCarriesAnEventId_KeysTheEventByIt(string field)
    {
        var first = Bodies.Edit(Open, root => root[field] = "evt-123");
        var sameEventOtherTime = Bodies.Edit(Open, root =>
        {
            root[field] = "evt-123";
            root.At("payload")["opened_at"] = "2026-09-05T08:00:00Z";
        });
        var otherEvent = Bodies.Edit(Open, root => root[field] = "evt-124");

        var id = _normalizer.Normalize(first).SingleEvent().EventId;

        Assert.Equal(id, _normalizer.Normalize(sameEventOtherTime).SingleEvent().EventId);
        Assert.NotEqual(id, _normalizer.Normalize(otherEvent).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_NeverExposesTheBodySecret()
    {
        foreach (var fixture in Fixture.Names(Providers.Breakcold))
        {
            var secret = Bodies.Parse(fixture)["secret"]!.GetValue<string>();
            var result = _normalizer.NormalizeFixture(fixture);

            Assert.DoesNotContain(secret, JsonSerializer.Serialize(result), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Normalize_WhenUpdateHasNoUpdatedAt_DatesItByCreatedAt()
    {
        var body = Bodies.Edit("breakcold/02-lead.update.json", root => root.At("payload")["updated_at"] = null);

        Assert.Equal(At("2026-09-01T08:00:00Z"), _normalizer.Normalize(body).SingleEvent().OccurredAt);
    }

    [Fact]
    public void Normalize_WhenEnvelopeHasATimestamp_PrefersItToTheLeadsGeneralTimes()
    {
        var body = Bodies.Edit("breakcold/02-lead.update.json", root =>
        {
            root.At("payload")["updated_at"] = null;
            root["timestamp"] = JsonValue.Create(At("2026-09-02T12:00:00Z").ToUnixTimeSeconds());
        });

        Assert.Equal(At("2026-09-02T12:00:00Z"), _normalizer.Normalize(body).SingleEvent().OccurredAt);
    }

    [Fact]
    public void Normalize_WhenCampaignEventHasNoTime_UsesReceiveTimeNotTheLeadsCreation()
    {
        var body = Bodies.Edit(Open, root => root.At("payload").Remove("opened_at"));

        Assert.Equal(Delivery.ReceivedAt, _normalizer.Normalize(body).SingleEvent().OccurredAt);
    }

    [Theory]
    [InlineData("1788593400")]
    [InlineData("1788593400000")]
    public void Normalize_WhenTimeIsUnixDigits_ReadsIt(string digits)
    {
        var body = Bodies.Edit(Open, root => root.At("payload")["opened_at"] = JsonValue.Create(long.Parse(digits, CultureInfo.InvariantCulture)));

        Assert.Equal(At("2026-09-05T07:30:00Z"), _normalizer.Normalize(body).SingleEvent().OccurredAt);
    }

    [Fact]
    public void Normalize_WhenAssumedTimeIsUnusable_FallsBackInsteadOfRejecting()
    {
        var body = Bodies.Edit(Reply, root => root.At("payload.email")["received_at"] = "last Tuesday");

        Assert.Equal(Delivery.ReceivedAt, _normalizer.Normalize(body).SingleEvent().OccurredAt);
    }

    [Theory]
    [InlineData(null, Direction.Inbound)]
    [InlineData(true, Direction.Inbound)]
    [InlineData(false, Direction.Outbound)]
    public void Normalize_MessageDirection_FollowsFromLead(bool? fromLead, Direction direction)
    {
        var body = Bodies.Edit(LinkedIn, root => root.At("payload.message")["from_lead"] = fromLead);

        Assert.Equal(direction, _normalizer.Normalize(body).SingleEvent().Direction);
    }

    [Theory]
    [InlineData("outgoing", Direction.Outbound)]
    [InlineData("Inbound", Direction.Inbound)]
    [InlineData("sideways", Direction.Inbound)]
    public void Normalize_WhenMessageGivesADirectionInstead_UsesIt(string value, Direction direction)
    {
        var body = Bodies.Edit(LinkedIn, root =>
        {
            root.At("payload.message").Remove("from_lead");
            root.At("payload.message")["direction"] = value;
        });

        Assert.Equal(direction, _normalizer.Normalize(body).SingleEvent().Direction);
    }

    [Fact]
    public void Normalize_WhenMessageTextIsInAnotherField_FindsIt()
    {
        var body = Bodies.Edit(LinkedIn, root =>
        {
            root.At("payload.message").Remove("text");
            root.At("payload.message")["content"] = "Found me.";
        });

        Assert.Equal("Found me.", _normalizer.Normalize(body).SingleEvent().Text);
    }

    [Fact]
    public void Normalize_WhenMessageTextIsHuge_TruncatesIt()
    {
        var body = Bodies.Edit(LinkedIn, root => root.At("payload.message")["text"] = new string('m', 1_000_000));

        Assert.Equal(64 * 1024, _normalizer.Normalize(body).SingleEvent().Text!.Length);
    }

    [Fact]
    public void Normalize_WhenLeadIsNestedInALeadEvent_ReadsIt()
    {
        var body = Bodies.Edit("breakcold/02-lead.update.json", root =>
        {
            var lead = root["payload"]!.DeepClone();
            root["payload"] = new JsonObject { ["lead"] = lead };
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal((BreakcoldExpectations.LenaId, "lena.fischer@northwind.example"), (e.Lead.ProviderLeadId, e.Lead.Email));
    }

    [Fact]
    public void Normalize_WhenStatusIsAString_NamesIt()
    {
        var body = Bodies.Edit(Status, root => root.At("payload")["status"] = "Won");

        Assert.Equal("status: Won", _normalizer.Normalize(body).SingleEvent().Text);
    }

    [Fact]
    public void Normalize_WhenStatusHasNoName_SaysItChanged()
    {
        var body = Bodies.Edit(Status, root => root.At("payload").Remove("status"));

        Assert.Equal("status changed", _normalizer.Normalize(body).SingleEvent().Text);
    }

    [Fact]
    public void Normalize_WhenLeadTrackingStarts_SaysSo()
    {
        var body = Bodies.Edit(Status, root =>
        {
            root["event"] = "lead.track";
            root.At("payload")["is_tracked"] = true;
        });

        Assert.Equal("tracking started", _normalizer.Normalize(body).SingleEvent().Text);
    }

    [Fact]
    public void Normalize_WhenListIsNamed_NamesIt()
    {
        var body = Bodies.Edit(Status, root =>
        {
            root["event"] = "lead.list.update";
            root.At("payload")["list"] = new JsonObject { ["id"] = "lst-1", ["name"] = "Q4 pipeline" };
        });

        Assert.Equal("list: Q4 pipeline", _normalizer.Normalize(body).SingleEvent().Text);
    }

    [Fact]
    public void Normalize_NoteEvent_KeepsTheNoteContentOut()
    {
        var body = Bodies.Edit(Task, root =>
        {
            root["event"] = "lead.note.create";
            root.At("payload")["content"] = "Private: going through a divorce";
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal("note created", e.Text);
        Assert.DoesNotContain("divorce", JsonSerializer.Serialize(e), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhenCampaignIsAnObject_ReadsIt()
    {
        var body = Bodies.Edit(Open, root =>
        {
            root.At("payload").Remove("id_campaign");
            root.At("payload").Remove("campaign_name");
            root.At("payload")["campaign"] = new JsonObject { ["id"] = 9001, ["name"] = "Numbers" };
        });

        var campaign = _normalizer.Normalize(body).SingleEvent().Campaign;

        Assert.Equal(new CampaignRef("breakcold:9001", "Numbers"), campaign);
    }

    [Fact]
    public void Normalize_WhenCampaignUnknown_HasNoCampaign()
    {
        var body = Bodies.Edit(Open, root => root.At("payload").Remove("id_campaign"));

        Assert.Null(_normalizer.Normalize(body).SingleEvent().Campaign);
    }

    [Fact]
    public void Normalize_WhenLeadHasOnlyAPhone_KeysByPhone()
    {
        var body = Bodies.Edit("breakcold/01-lead.create.json", root =>
        {
            root.At("payload")["email"] = null;
            root.At("payload")["linkedin_url"] = null;
            root.At("payload")["phone"] = "+31 (0)6 1234 5678";
        });

        Assert.Equal("+31612345678", _normalizer.Normalize(body).SingleEvent().Lead.Phone);
    }

    [Fact]
    public void Normalize_WhenLeadHasEmailLinkedInAndId_GivesEveryAlias() =>
        Assert.Equal(
            [BreakcoldExpectations.LenaKey, "linkedin:lena-fischer-nw", "breakcold:lead:" + BreakcoldExpectations.LenaId],
            Assert.Single(_normalizer.NormalizeFixture("breakcold/01-lead.create.json").Leads).Aliases);

    private IEnumerable<ConversationEvent> AcceptedEvents() =>
        Fixture.Names(Providers.Breakcold).SelectMany(name => _normalizer.NormalizeFixture(name).Events);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, CultureInfo.InvariantCulture);
}
