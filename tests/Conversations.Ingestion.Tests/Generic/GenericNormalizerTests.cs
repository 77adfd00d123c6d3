using System.Text.Json.Nodes;
using Conversations.Abstractions;
using Conversations.Abstractions.Campaigns;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericNormalizerTests
{
    private const string Replied = "generic/01-replied.json";
    private const string Minimal = "generic/06-lead_updated-minimal.json";

    private readonly GenericNormalizer _normalizer = new();

    public static TheoryData<string, EventKind> KindNames => new()
    {
        { "sent", EventKind.Sent },
        { "opened", EventKind.Opened },
        { "clicked", EventKind.Clicked },
        { "replied", EventKind.Replied },
        { "reply_classified", EventKind.ReplyClassified },
        { "bounced", EventKind.Bounced },
        { "unsubscribed", EventKind.Unsubscribed },
        { "message", EventKind.Message },
        { "status_updated", EventKind.StatusUpdated },
        { "lead_created", EventKind.LeadCreated },
        { "lead_updated", EventKind.LeadUpdated },
        { "lead_deleted", EventKind.LeadDeleted },
    };

    public static TheoryData<string, Channel> ChannelNames => new()
    {
        { "email", Channel.Email },
        { "linkedin", Channel.LinkedIn },
        { "chat", Channel.Chat },
        { "whatsapp", Channel.WhatsApp },
        { "sms", Channel.Sms },
        { "twitter", Channel.Twitter },
        { "crm", Channel.Crm },
    };

    [Fact]
    public void Normalize_WhenLeadHasEveryIdentifier_GivesEveryAlias_TheIdScopedBySource() =>
        Assert.Equal(
            ["email:dana.scully@contoso.example", "linkedin:dana-scully-7", "phone:+15550100199", "generic:acme-crm:ld_4471"],
            Assert.Single(_normalizer.NormalizeFixture(Replied).Leads).Aliases);

    [Fact]
    public void Vocabulary_NamesEveryKindAndChannel_ButWhatOnlyThisServiceWrites()
    {
        // Merge entries are this service's own record of a lead: no sender may write one.
        EventKind[] serviceKinds = [EventKind.LeadMerged, EventKind.LeadUnmerged, EventKind.MergeRefused];
        Assert.Equal(Enum.GetValues<EventKind>().Except(serviceKinds).Order(), KindNames.Select(row => (EventKind)row[1]).Order());
        Assert.Equal(Enum.GetValues<Channel>().Except([Channel.System]).Order(), ChannelNames.Select(row => (Channel)row[1]).Order());
    }

    [Theory]
    [MemberData(nameof(KindNames))]
    public void Normalize_EachKindName_GivesItsKind(string name, EventKind kind)
    {
        var body = Bodies.Edit(Replied, root =>
        {
            root["kind"] = name;
            root["direction"] = "inbound";
            root["sentiment"] = "neutral";
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(kind, e.Kind);
        Assert.StartsWith($"generic:{name}:", e.EventId, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ChannelNames))]
    public void Normalize_EachChannelName_GivesItsChannel(string name, Channel channel)
    {
        var body = Bodies.Edit(Replied, root => root["channel"] = name);

        Assert.Equal(channel, _normalizer.Normalize(body).SingleEvent().Channel);
    }

    [Theory]
    [InlineData("sent", Direction.Outbound)]
    [InlineData("opened", Direction.Inbound)]
    [InlineData("clicked", Direction.Inbound)]
    [InlineData("replied", Direction.Inbound)]
    [InlineData("unsubscribed", Direction.Inbound)]
    [InlineData("bounced", Direction.None)]
    [InlineData("status_updated", Direction.None)]
    [InlineData("lead_created", Direction.None)]
    [InlineData("lead_updated", Direction.None)]
    [InlineData("lead_deleted", Direction.None)]
    public void Normalize_WhenDirectionAbsent_ImpliesItFromTheKind(string kind, Direction direction)
    {
        var body = Bodies.Edit(Minimal, root => root["kind"] = kind);

        Assert.Equal(direction, _normalizer.Normalize(body).SingleEvent().Direction);
    }

    [Theory]
    [InlineData("inbound", Direction.Inbound)]
    [InlineData("outbound", Direction.Outbound)]
    [InlineData("none", Direction.None)]
    public void Normalize_WhenDirectionGiven_KeepsIt(string name, Direction direction)
    {
        var body = Bodies.Edit(Replied, root => root["direction"] = name);

        Assert.Equal(direction, _normalizer.Normalize(body).SingleEvent().Direction);
    }

    [Theory]
    [InlineData("positive", ReplySentiment.Positive)]
    [InlineData("negative", ReplySentiment.Negative)]
    [InlineData("neutral", ReplySentiment.Neutral)]
    public void Normalize_WhenSentimentGiven_KeepsIt(string name, ReplySentiment sentiment)
    {
        var body = Bodies.Edit(Replied, root => root["sentiment"] = name);

        Assert.Equal(sentiment, _normalizer.Normalize(body).SingleEvent().Sentiment);
    }

    [Fact]
    public void Normalize_EventId_IsTheSendersIdScopedBySourceAndKind()
    {
        var e = _normalizer.NormalizeFixture(Replied).SingleEvent();

        Assert.Equal(EventIds.Create(Providers.Generic, EventKind.Replied, "acme-crm", "evt_01J9ZK3V8Q4T"), e.EventId);
        Assert.Equal(Providers.Generic, e.Provider);
    }

    [Fact]
    public void Normalize_WhenEventDeliveredAgain_GivesSameEventId()
    {
        var first = _normalizer.NormalizeFixture(Replied).SingleEvent();
        var again = _normalizer.NormalizeFixture("generic/04-replied-redelivered.json").SingleEvent();

        Assert.Equal(first.EventId, again.EventId);
        Assert.Equal(first, again);
    }

    [Fact]
    public void Normalize_WhenContentEditedButIdSame_KeepsEventId()
    {
        var edited = Bodies.Edit(Replied, root =>
        {
            root["text"] = "Edited.";
            root["occurredAt"] = "2026-09-22T15:00:00Z";
        });

        Assert.Equal(
            _normalizer.NormalizeFixture(Replied).SingleEvent().EventId,
            _normalizer.Normalize(edited).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenSameIdFromAnotherSource_GivesAnotherEventId()
    {
        var acme = _normalizer.NormalizeFixture(Replied).SingleEvent();
        var other = _normalizer.NormalizeFixture("generic/12-replied-same-id-other-source.json").SingleEvent();

        Assert.NotEqual(acme.EventId, other.EventId);
    }

    [Fact]
    public void Normalize_WhenSameIdWithAnotherKind_GivesAnotherEventId()
    {
        var opened = Bodies.Edit(Replied, root => root["kind"] = "opened");

        Assert.NotEqual(
            _normalizer.NormalizeFixture(Replied).SingleEvent().EventId,
            _normalizer.Normalize(opened).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenIdHasSurroundingSpaces_GivesSameEventId()
    {
        var spaced = Bodies.Edit(Replied, root => root["id"] = "  evt_01J9ZK3V8Q4T ");

        Assert.Equal(
            _normalizer.NormalizeFixture(Replied).SingleEvent().EventId,
            _normalizer.Normalize(spaced).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenIdIs256Characters_Accepts()
    {
        var body = Bodies.Edit(Replied, root => root["id"] = new string('x', 256));

        _normalizer.Normalize(body).SingleEvent();
    }

    [Fact]
    public void Normalize_WhenIdIsBeyondDoublePrecision_KeepsEveryDigit()
    {
        var asNumber = Bodies.Edit(Replied, root => root["id"] = JsonValue.Create(9007199254740993L));
        var asText = Bodies.Edit(Replied, root => root["id"] = "9007199254740993");

        Assert.Equal(
            _normalizer.Normalize(asText).SingleEvent().EventId,
            _normalizer.Normalize(asNumber).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_Campaign_IsKeyedBySourceUnderTheGenericProvider()
    {
        var campaign = _normalizer.NormalizeFixture(Replied).SingleEvent().Campaign!;

        Assert.Equal("generic:acme-crm:cmp_77", campaign.Key);
        Assert.Equal(Providers.Generic, CampaignKey.ProviderOf(campaign.Key));
    }

    [Fact]
    public void Normalize_WhenNoCampaign_HasNone()
    {
        Assert.Null(_normalizer.NormalizeFixture(Minimal).SingleEvent().Campaign);
    }

    [Fact]
    public void Normalize_LeadId_IsScopedBySource()
    {
        Assert.Equal("acme-crm:ld_4471", _normalizer.NormalizeFixture(Replied).SingleEvent().Lead.ProviderLeadId);
    }

    [Fact]
    public void Normalize_OccurredAt_KeepsTheSendersOffset()
    {
        var e = _normalizer.NormalizeFixture(Replied).SingleEvent();

        Assert.Equal(new DateTimeOffset(2026, 9, 22, 12, 5, 31, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(2), e.OccurredAt.Offset);
    }

    [Theory]
    [InlineData("2026-09-22T12:05:31Z")]
    [InlineData("2026-09-22T14:05:31+0200")]
    [InlineData("2026-09-22T12:05:31.5+00:00")]
    [InlineData("2026-09-22T07:05:31-05:00")]
    [InlineData("2026-09-22T12:05Z")]
    public void Normalize_WhenOccurredAtHasAnyOffset_Accepts(string occurredAt)
    {
        var body = Bodies.Edit(Minimal, root => root["occurredAt"] = occurredAt);

        _normalizer.Normalize(body).SingleEvent();
    }

    [Fact]
    public void Normalize_WhenOnlyLinkedIn_KeysLeadByPublicId()
    {
        var body = Bodies.Edit(Minimal, root => root["lead"] = new JsonObject { ["linkedin"] = "Alex-Doe" });

        Assert.Equal("alex-doe", _normalizer.Normalize(body).SingleEvent().Lead.LinkedInPublicId);
    }

    [Fact]
    public void Normalize_WhenEmailUnusableButPhoneGiven_KeysLeadByPhone()
    {
        var body = Bodies.Edit(Minimal, root => root["lead"] = new JsonObject { ["email"] = "not an address", ["phone"] = "0034 600 123 456" });

        var lead = _normalizer.Normalize(body).SingleEvent().Lead;

        Assert.Null(lead.Email);
        Assert.Equal("+34600123456", lead.Phone);
    }

    [Fact]
    public void Normalize_WhenTextIsHuge_TruncatesIt()
    {
        var body = Bodies.Edit(Replied, root => root["text"] = new string('t', 1_000_000));

        Assert.Equal(64 * 1024, _normalizer.Normalize(body).SingleEvent().Text!.Length);
    }

    [Fact]
    public void Normalize_WhenUnknownFieldsPresent_IgnoresThem()
    {
        var body = Bodies.Edit(Replied, root =>
        {
            root["deliveryAttempt"] = 3;
            root["meta"] = new JsonObject { ["kind"] = "not read" };
        });

        Assert.Equal(_normalizer.NormalizeFixture(Replied).SingleEvent(), _normalizer.Normalize(body).SingleEvent());
    }

    [Fact]
    public void Normalize_WhenOptionalFieldsAreNull_TreatsThemAsAbsent()
    {
        var body = Bodies.Edit(Minimal, root =>
        {
            foreach (var field in new[] { "direction", "sentiment", "campaign", "messageId", "subject", "text", "url" }) root[field] = null;
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(Direction.None, e.Direction);
        Assert.Null(e.Campaign);
        Assert.Null(e.Text);
    }
}
