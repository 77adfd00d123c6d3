using System.Text.Json.Nodes;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Salesforge;

public sealed class SalesforgeNormalizerTests
{
    private const string Sent = "salesforge/01-email_sent.json";
    private const string Opened = "salesforge/02-email_opened.json";
    private const string OpenedAgain = "salesforge/03-email_opened-duplicate-delivery.json";
    private const string ClickedLabelledBounced = "salesforge/04-link_clicked-labelled-email_bounced.json";
    private const string Replied = "salesforge/05-email_replied.json";
    private const string PositiveReply = "salesforge/06-positive_reply-same-reply.json";
    private const string OpenedLate = "salesforge/07-email_opened-late-arrival-earlier-time.json";
    private const string UnsubscribedLabelledBounced = "salesforge/10-unsubscribed-labelled-email_bounced.json";
    private const string LinkedInReplied = "salesforge/12-linkedin_replied.json";
    private const string UnknownType = "salesforge/13-unknown-type.json";
    private const string NoContactEmail = "salesforge/14-missing-contact-email.json";

    private readonly SalesforgeNormalizer _normalizer = new();

    [Theory]
    [InlineData(ClickedLabelledBounced, EventKind.Clicked)]
    [InlineData(UnsubscribedLabelledBounced, EventKind.Unsubscribed)]
    [InlineData("salesforge/seed-link_clicked.json", EventKind.Clicked)]
    [InlineData("salesforge/seed-unsubscribed.json", EventKind.Unsubscribed)]
    public void Normalize_WhenTypeMislabelled_UsesDataBlock(string fixture, EventKind expected)
    {
        Assert.Equal("email_bounced", (string?)Bodies.Parse(fixture).At("webhookInfo")["type"]);

        var e = _normalizer.NormalizeFixture(fixture).SingleEvent();

        Assert.Equal(expected, e.Kind);
    }

    [Fact]
    public void Normalize_WhenDeliveredTwice_GivesSameEventId()
    {
        var first = _normalizer.NormalizeFixture(Opened).SingleEvent();
        var second = _normalizer.NormalizeFixture(OpenedAgain).SingleEvent();

        Assert.Equal(first.EventId, second.EventId);
    }

    [Fact]
    public void Normalize_WhenReceivedAtDiffers_KeepsEventId()
    {
        var early = _normalizer.Normalize(Fixture.Read(Opened), Delivery.ReceivedAt);
        var late = _normalizer.Normalize(Fixture.Read(Opened), Delivery.ReceivedAt.AddHours(5));

        Assert.Equal(early.SingleEvent().EventId, late.SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenEventsDiffer_GivesDifferentEventIds()
    {
        var ids = Fixture.Names("salesforge")
            .Where(name => name != OpenedAgain)
            .Select(name => _normalizer.NormalizeFixture(name))
            .Where(result => result.Events.Count > 0)
            .Select(result => result.SingleEvent().EventId)
            .ToList();

        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.True(ids.Count >= 20, $"only {ids.Count} fixtures were accepted");
    }

    [Fact]
    public void Normalize_WhenPositiveReply_ClassifiesTheRepliedEmailInsteadOfReplyingAgain()
    {
        var reply = _normalizer.NormalizeFixture(Replied).SingleEvent();
        var classification = _normalizer.NormalizeFixture(PositiveReply).SingleEvent();

        Assert.Equal(EventKind.Replied, reply.Kind);
        Assert.Equal(EventKind.ReplyClassified, classification.Kind);
        Assert.False(classification.IsReply);
        Assert.Equal(ReplySentiment.Positive, classification.Sentiment);
        Assert.Equal(reply.MessageId, classification.MessageId);
        Assert.NotEqual(reply.EventId, classification.EventId);
    }

    [Fact]
    public void Normalize_WhenSameReplyClassifiedBothWays_GivesDifferentEventIds()
    {
        var negative = Bodies.Edit(PositiveReply, root => root.At("webhookInfo")["type"] = "negative_reply");

        var positiveEvent = _normalizer.NormalizeFixture(PositiveReply).SingleEvent();
        var negativeEvent = _normalizer.Normalize(negative).SingleEvent();

        Assert.Equal(ReplySentiment.Negative, negativeEvent.Sentiment);
        Assert.NotEqual(positiveEvent.EventId, negativeEvent.EventId);
    }

    [Fact]
    public void Normalize_WhenTimesUseDifferentOffsets_OrdersByInstantNotWallClock()
    {
        var first = _normalizer.NormalizeFixture(Opened).SingleEvent();
        var late = _normalizer.NormalizeFixture(OpenedLate).SingleEvent();

        // 09:12:41+02:00 reads later than 08:59:59Z, but is 07:12:41 UTC: the late arrival really is the later open.
        Assert.True(late.OccurredAt.TimeOfDay < first.OccurredAt.TimeOfDay);
        Assert.True(late.OccurredAt > first.OccurredAt);
        Assert.Equal(TimeSpan.Zero, late.OccurredAt.Offset);
        Assert.Equal(TimeSpan.FromHours(2), first.OccurredAt.Offset);
        Assert.NotEqual(first.EventId, late.EventId);
    }

    [Fact]
    public void Normalize_WhenDataBlockHasItsOwnTime_PrefersItToEventTime()
    {
        var body = Bodies.Edit(Opened, root => root.At("webhookInfo")["eventTime"] = "2026-09-14T12:00:00+02:00");

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(new DateTimeOffset(2026, 9, 14, 9, 12, 41, TimeSpan.FromHours(2)), e.OccurredAt);
    }

    [Fact]
    public void Normalize_WhenDataBlockHasNoTime_UsesEventTime()
    {
        var body = Bodies.Edit(Opened, root => root.At("emailOpenedData").Remove("openedAt"));

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(EventKind.Opened, e.Kind);
        Assert.Equal(new DateTimeOffset(2026, 9, 14, 9, 12, 41, TimeSpan.FromHours(2)), e.OccurredAt);
    }

    [Theory]
    [InlineData("email_opened", EventKind.Opened)]
    [InlineData("email_sent", EventKind.Sent)]
    [InlineData("email_bounced", EventKind.Bounced)]
    [InlineData("email_replied", EventKind.Replied)]
    public void Normalize_WhenNoDataBlock_UsesType(string type, EventKind expected)
    {
        var body = Bodies.Edit(Opened, root =>
        {
            root.Remove("emailOpenedData");
            root.At("webhookInfo")["type"] = type;
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(expected, e.Kind);
        Assert.Equal(new DateTimeOffset(2026, 9, 14, 9, 12, 41, TimeSpan.FromHours(2)), e.OccurredAt);
    }

    [Fact]
    public void Normalize_WhenTypeUnknown_IgnoresDelivery()
    {
        var result = _normalizer.NormalizeFixture(UnknownType);

        Assert.Equal("unsupported salesforge event type 'email_scheduled'", result.IgnoredReason);
        Assert.Null(result.Error);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Normalize_WhenUnknownTypeIsLongOrHasControlCharacters_EchoesItShortAndOnOneLine()
    {
        var type = "evil\r\ninjected" + new string('x', 500);
        var body = Bodies.Edit(UnknownType, root => root.At("webhookInfo")["type"] = type);

        var reason = Assert.IsType<string>(_normalizer.Normalize(body).IgnoredReason);

        Assert.Equal($"unsupported salesforge event type '{"evil??injected" + new string('x', 50)}'", reason);
    }

    [Fact]
    public void Normalize_WhenContactHasOnlyItsId_AcceptsUnderSalesforgesIdNotTheRecipient()
    {
        var result = _normalizer.NormalizeFixture(NoContactEmail);

        Assert.Equal(["salesforge:contact:lead_x"], Assert.Single(result.Leads).Aliases);
        Assert.Null(result.SingleEvent().Lead.Email);
    }

    [Fact]
    public void Normalize_WhenContactHasNeitherEmailNorId_RejectsWithoutFallingBackToRecipient()
    {
        var body = Bodies.Edit(NoContactEmail, root => root.At("contact").Remove("id"));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);

        Assert.Equal("no usable lead identity in contact.email, contact.linkedinUrl, contact.id", error.Detail);
    }

    [Fact]
    public void Normalize_WhenContactHasOnlyItsId_GivesAnEventIdFromSalesforgesData()
    {
        static void KeepOnlyIds(JsonObject root)
        {
            root.At("contact")["email"] = null;
            root.At("sequenceEmail").Remove("emailId");
        }
        var body = Bodies.Edit(Sent, KeepOnlyIds);

        var first = _normalizer.Normalize(body).SingleEvent();
        var again = _normalizer.Normalize(body, Delivery.ReceivedAt.AddHours(1)).SingleEvent();
        var otherContact = _normalizer.Normalize(Bodies.Edit(Sent, root =>
        {
            KeepOnlyIds(root);
            root.At("contact")["id"] = "lead_other";
        })).SingleEvent();

        Assert.Equal(first.EventId, again.EventId);
        Assert.NotEqual(first.EventId, otherContact.EventId);
    }

    [Fact]
    public void Normalize_WhenContactHasEmailLinkedInAndId_GivesEveryAlias()
    {
        var result = _normalizer.NormalizeFixture(LinkedInReplied);

        Assert.Equal(
            ["email:hanna.berg@fabrikam.example", "linkedin:hanna-berg-fab", "salesforge:contact:lead_k2m9x7q1"],
            Assert.Single(result.Leads).Aliases);
    }

    [Fact]
    public void Normalize_WhenContactMissing_RejectsAsNoLeadIdentity()
    {
        var body = Bodies.Edit(Sent, root => root.Remove("contact"));

        _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);
    }

    [Fact]
    public void Normalize_WhenContactHasOnlyLinkedIn_KeysLeadByLinkedIn()
    {
        var body = Bodies.Edit(LinkedInReplied, root => root.At("contact")["email"] = null);

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Null(e.Lead.Email);
        Assert.Equal("hanna-berg-fab", e.Lead.LinkedInPublicId);
    }

    [Fact]
    public void Normalize_WhenContactEmailHasCaseAndSpaces_NormalizesIt()
    {
        var e = _normalizer.NormalizeFixture("salesforge/08-email_sent-email-case-and-spaces.json").SingleEvent();

        Assert.Equal("jonas.weber@contoso.example", e.Lead.Email);
    }

    [Fact]
    public void Normalize_WhenLinkIsEmpty_LeavesUrlNull()
    {
        var e = _normalizer.NormalizeFixture("salesforge/seed-link_clicked.json").SingleEvent();

        Assert.Null(e.Url);
    }

    [Fact]
    public void Normalize_WhenSameEmailClickedOnDifferentLinks_GivesDifferentEventIds()
    {
        var other = Bodies.Edit(ClickedLabelledBounced, root => root["link"] = "https://outreach.example/pricing");

        var first = _normalizer.NormalizeFixture(ClickedLabelledBounced).SingleEvent();
        var second = _normalizer.Normalize(other).SingleEvent();

        Assert.NotEqual(first.EventId, second.EventId);
    }

    [Fact]
    public void Normalize_WhenSequenceMissing_LeavesCampaignNull()
    {
        var body = Bodies.Edit(Sent, root => root.Remove("sequence"));

        Assert.Null(_normalizer.Normalize(body).SingleEvent().Campaign);
    }

    [Fact]
    public void Normalize_WhenEmailIdMissing_KeysEventByLeadAndTime()
    {
        static void WithoutEmailId(JsonObject root) => root.At("sequenceEmail").Remove("emailId");
        var once = Bodies.Edit(Sent, WithoutEmailId);
        var again = Bodies.Edit(Sent, WithoutEmailId);
        var later = Bodies.Edit(Sent, root =>
        {
            WithoutEmailId(root);
            root.At("webhookInfo")["eventTime"] = "2026-09-14T09:30:00+02:00";
        });

        var first = _normalizer.Normalize(once).SingleEvent();

        Assert.Null(first.MessageId);
        Assert.Equal(first.EventId, _normalizer.Normalize(again).SingleEvent().EventId);
        Assert.NotEqual(first.EventId, _normalizer.Normalize(later).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenReplyTextIsHuge_TruncatesTextAndSubject()
    {
        var body = Bodies.Edit(Replied, root =>
        {
            root.At("replyEmail.content")["text"] = new string('a', 1_000_000);
            root.At("replyEmail")["subject"] = new string('s', 5_000);
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(64 * 1024, e.Text!.Length);
        Assert.Equal(1024, e.Subject!.Length);
    }

    [Fact]
    public void Normalize_WhenTruncationWouldSplitASurrogatePair_DropsTheWholePair()
    {
        var body = Bodies.Edit(Replied, root => root.At("replyEmail.content")["text"] = new string('a', 64 * 1024 - 1) + "😀tail");

        var text = _normalizer.Normalize(body).SingleEvent().Text!;

        Assert.Equal(64 * 1024 - 1, text.Length);
        Assert.False(char.IsSurrogate(text[^1]));
    }
}
