using System.Text;
using System.Text.Json.Nodes;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.SalesIq;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;
using static Conversations.Ingestion.Tests.SalesIq.SalesIqExpectations;

namespace Conversations.Ingestion.Tests.SalesIq;

public sealed class SalesIqNormalizerTests
{
    private readonly SalesIqNormalizer _normalizer = new();

    [Fact]
    public void Normalize_WhenEventNameInOtherCase_GivesTheSameEvent()
    {
        var shouted = Bodies.Edit(Created, root => root["event"] = " Conversation.CREATED ");

        Assert.Equal(_normalizer.NormalizeFixture(Created).SingleEvent(), _normalizer.Normalize(shouted).SingleEvent());
    }

    [Fact]
    public void Normalize_WhenChatAttended_RecordsAttendedStatusByUs()
    {
        var body = Bodies.Edit(VisitorReplied, root =>
        {
            root["event"] = "conversation.attender.updated";
            root.At("entity").Remove("message");
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(EventKind.StatusUpdated, e.Kind);
        Assert.Equal(Direction.Outbound, e.Direction);
        Assert.Equal("attended", e.Subject);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1769857230000), e.OccurredAt);
    }

    [Fact]
    public void Normalize_WhenChatAttendedAgainByAnotherOperator_KeepsTheEventId()
    {
        string Attended(string owner) => _normalizer.Normalize(Bodies.Edit(Completed, root =>
        {
            root["event"] = "conversation.attender.updated";
            root.At("entity.owner")["id"] = owner;
        })).SingleEvent().EventId;

        Assert.Equal(Attended("60012345000033335"), Attended("60012345000033399"));
    }

    [Theory]
    [InlineData("conversation.transfer.initiated", "salesiq event 'conversation.transfer.initiated' moves a chat between operators; nothing happened with the lead")]
    [InlineData("conversation.transfer.accepted", "salesiq event 'conversation.transfer.accepted' moves a chat between operators; nothing happened with the lead")]
    [InlineData("conversation.transfer.rejected", "salesiq event 'conversation.transfer.rejected' moves a chat between operators; nothing happened with the lead")]
    [InlineData("conversation.participants.added", "salesiq event 'conversation.participants.added' moves a chat between operators; nothing happened with the lead")]
    [InlineData("Conversation.Participants.Deleted", "salesiq event 'conversation.participants.deleted' moves a chat between operators; nothing happened with the lead")]
    [InlineData("conversation.supervisor.added", "salesiq event 'conversation.supervisor.added' moves a chat between operators; nothing happened with the lead")]
    [InlineData("conversation.message.edited", "salesiq event 'conversation.message.edited' changes a message already recorded, and timelines are append-only")]
    [InlineData("conversation.message.deleted", "salesiq event 'conversation.message.deleted' changes a message already recorded, and timelines are append-only")]
    [InlineData("conversation.metrics", "salesiq event 'conversation.metrics' reports operator metrics, not lead activity")]
    [InlineData("operator.status.updated", "unsupported salesiq event 'operator.status.updated'")]
    [InlineData("evil\u202Eevent\n", "unsupported salesiq event 'evil?event'")]
    public void Normalize_WhenEventNotRecorded_IgnoresItWithItsReason(string name, string reason)
    {
        var body = Bodies.Edit(OperatorReplied, root => root["event"] = name);

        var result = _normalizer.Normalize(body);

        Assert.Equal(reason, result.IgnoredReason);
        Assert.Null(result.Error);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Normalize_WhenEventIgnored_DoesNotNeedAnEntity()
    {
        var body = Bodies.Utf8("""{"event":"conversation.transfer.accepted"}""");

        Assert.True(_normalizer.Normalize(body).IsIgnored);
    }

    [Theory]
    [InlineData("1", ReplySentiment.Negative)]
    [InlineData("sad", ReplySentiment.Negative)]
    [InlineData("Angry", ReplySentiment.Negative)]
    [InlineData("2", null)]
    [InlineData("3", null)]
    [InlineData("4", ReplySentiment.Positive)]
    [InlineData("5", ReplySentiment.Positive)]
    [InlineData("happy", ReplySentiment.Positive)]
    [InlineData("neutral", ReplySentiment.Neutral)]
    [InlineData("7", null)]
    public void Normalize_WhenRated_TakesSentimentOnlyFromAnUnambiguousRating(string rating, ReplySentiment? sentiment)
    {
        var asNumber = Bodies.Edit(Rated, root => root.At("entity")["rating"] = int.TryParse(rating, out var n) ? JsonValue.Create(n) : JsonValue.Create(rating));
        var asString = Bodies.Edit(Rated, root => root.At("entity")["rating"] = rating);

        Assert.Equal(sentiment, _normalizer.Normalize(asNumber).SingleEvent().Sentiment);
        Assert.Equal(sentiment, _normalizer.Normalize(asString).SingleEvent().Sentiment);
    }

    [Fact]
    public void Normalize_WhenRatingIsNumberOrString_GivesTheSameEventId()
    {
        var asString = Bodies.Edit(Rated, root => root.At("entity")["rating"] = "3");

        Assert.Equal(_normalizer.NormalizeFixture(Rated).SingleEvent().EventId, _normalizer.Normalize(asString).SingleEvent().EventId);
    }

    [Theory]
    [InlineData(4, "Quick and helpful, thanks!")]
    [InlineData(3, "Slow.")]
    [InlineData(null, "Quick and helpful, thanks!")]
    public void Normalize_WhenRatingOrFeedbackChanges_GivesANewEvent(int? rating, string? feedback)
    {
        var changed = Bodies.Edit(Rated, root =>
        {
            root.At("entity")["rating"] = rating;
            root.At("entity")["feedback"] = feedback;
        });

        Assert.NotEqual(_normalizer.NormalizeFixture(Rated).SingleEvent().EventId, _normalizer.Normalize(changed).SingleEvent().EventId);
    }

    [Theory]
    [InlineData(4, null, "rating 4")]
    [InlineData(null, "  Good support ", "Good support")]
    [InlineData(null, null, null)]
    public void Normalize_WhenRatingOrFeedbackMissing_WritesWhatThereIs(int? rating, string? feedback, string? text)
    {
        var body = Bodies.Edit(Rated, root =>
        {
            root.At("entity")["rating"] = rating;
            root.At("entity")["feedback"] = feedback;
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(text, e.Text);
        Assert.Equal("rated", e.Subject);
    }

    [Fact]
    public void Normalize_WhenRatedEntityHasNoId_UsesTheEnvelopesEntityId()
    {
        var body = Bodies.Edit(Rated, root => root.At("entity").Remove("id"));

        Assert.Equal(_normalizer.NormalizeFixture(Rated).SingleEvent().EventId, _normalizer.Normalize(body).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenVisitorHasNoEmail_KeysLeadByPhone()
    {
        var body = Bodies.Edit(Created, root => root.At("entity.visitor")["email_id"] = null);

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Null(e.Lead.Email);
        Assert.Equal("+49301234567", e.Lead.Phone);
    }

    [Theory]
    [InlineData("12344354")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_WhenVisitorHasNoEmailNoUsablePhoneAndNoId_RejectsNamingFieldsLookedAt(string? phone)
    {
        var body = Bodies.Edit(Created, root =>
        {
            root.At("entity.visitor")["email_id"] = "[email protected]";
            root.At("entity.visitor")["phone"] = phone;
            root.At("entity.visitor").Remove("id");
        });

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);

        Assert.Equal("no usable lead identity in entity.visitor.email_id, entity.visitor.phone, entity.visitor.id", error.Detail);
    }

    [Theory]
    [InlineData("12344354")]
    [InlineData(null)]
    public void Normalize_WhenVisitorHasOnlyItsId_KeysTheLeadBySalesIqsId(string? phone)
    {
        var body = Bodies.Edit(Created, root =>
        {
            root.At("entity.visitor").Remove("email_id");
            root.At("entity.visitor")["phone"] = phone;
        });

        var result = _normalizer.Normalize(body);

        Assert.Equal(["salesiq:visitor:60012345000090034"], Assert.Single(result.Leads).Aliases);
        Assert.Equal(_normalizer.NormalizeFixture(Created).SingleEvent().EventId, result.SingleEvent().EventId);
    }

    [Theory]
    [InlineData(Created)]
    [InlineData(VisitorUpdated)]
    public void Normalize_WhenVisitorHasEmailPhoneAndId_GivesEveryAlias_TheSameForConversationsAndVisitorUpdates(string fixture) =>
        Assert.Equal(
            ["email:lena.fischer@contoso-example.de", "phone:+49301234567", "salesiq:visitor:60012345000090034"],
            Assert.Single(_normalizer.NormalizeFixture(fixture).Leads).Aliases);

    [Fact]
    public void Normalize_WhenVisitorMissing_RejectsAsNoLeadIdentity()
    {
        var body = Bodies.Edit(Missed, root => root.At("entity").Remove("visitor"));

        _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);
    }

    [Fact]
    public void Normalize_WhenVisitorUpdatedHasNoIdentityAndNoId_RejectsNamingFieldsLookedAt()
    {
        var body = Bodies.Edit(NoEmail, root => root.At("entity").Remove("id"));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);

        Assert.Equal("no usable lead identity in entity.email_id, entity.phone, entity.lead.id, entity.id", error.Detail);
    }

    [Fact]
    public void Normalize_WhenLeadUpdatedWithPhoneOnly_KeysLeadByPhone()
    {
        var body = Bodies.Edit(NoEmail, root => root.At("entity")["phone"] = "+971 50 123 4567");

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(EventKind.LeadUpdated, e.Kind);
        Assert.Equal("+971501234567", e.Lead.Phone);
        Assert.Equal("lead", e.Subject);
        Assert.Equal("60012345000095002", e.Lead.ProviderLeadId);
    }

    [Fact]
    public void Normalize_WhenVisitorDetailsChange_GivesANewEvent()
    {
        var changed = Bodies.Edit(VisitorUpdated, root => root.At("entity")["last_name"] = "Fischer-Berg");

        Assert.NotEqual(
            _normalizer.NormalizeFixture(VisitorUpdated).SingleEvent().EventId, _normalizer.Normalize(changed).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenOnlyDetailsNotRecordedChange_KeepsTheEventId()
    {
        var changed = Bodies.Edit(VisitorUpdated, root =>
        {
            root.At("entity.customer_info")["Plan"] = "Paid";
            root.At("entity")["email_id"] = " LENA.Fischer@contoso-example.de ";
        });

        Assert.Equal(
            _normalizer.NormalizeFixture(VisitorUpdated).SingleEvent().EventId, _normalizer.Normalize(changed).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenMessageHasNoId_DerivesItsIdFromTimeAndText()
    {
        string Id(string text) => _normalizer.Normalize(Bodies.Edit(VisitorReplied, root =>
        {
            root.At("entity.message").Remove("id");
            root.At("entity.message")["text"] = text;
        })).SingleEvent().EventId;

        Assert.Equal(Id("Thursday?"), Id("Thursday?"));
        Assert.NotEqual(Id("Thursday?"), Id("Friday?"));
        Assert.NotEqual(_normalizer.NormalizeFixture(VisitorReplied).SingleEvent().EventId, Id("Thursday?"));
    }

    [Fact]
    public void Normalize_WhenMessageHasAnId_KeepsTheEventIdWhateverTheText()
    {
        var edited = Bodies.Edit(VisitorReplied, root => root.At("entity.message")["text"] = "Edited.");

        Assert.Equal(_normalizer.NormalizeFixture(VisitorReplied).SingleEvent().EventId, _normalizer.Normalize(edited).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenVisitorAndOperatorRepliesShareAMessageId_KeepsThemApart()
    {
        var asOperator = Bodies.Edit(VisitorReplied, root => root["event"] = "conversation.operator.replied");

        var visitor = _normalizer.NormalizeFixture(VisitorReplied).SingleEvent();
        var operatorReply = _normalizer.Normalize(asOperator).SingleEvent();

        Assert.Equal(Direction.Outbound, operatorReply.Direction);
        Assert.NotEqual(visitor.EventId, operatorReply.EventId);
    }

    [Theory]
    [InlineData("1769857200000")]
    [InlineData(" 1769857200000 ")]
    [InlineData("01769857200000")]
    public void Normalize_WhenTimeWrittenDifferently_GivesTheSameEvent(string openedTime)
    {
        var body = Bodies.Edit(Created, root => root.At("entity")["opened_time"] = openedTime);

        Assert.Equal(_normalizer.NormalizeFixture(Created).SingleEvent(), _normalizer.Normalize(body).SingleEvent());
    }

    [Fact]
    public void Normalize_WhenTimeIsAJsonInteger_ReadsItAsMilliseconds()
    {
        var body = Bodies.Edit(Created, root => root.At("entity")["opened_time"] = 1769857200000L);

        Assert.Equal(_normalizer.NormalizeFixture(Created).SingleEvent(), _normalizer.Normalize(body).SingleEvent());
    }

    [Theory]
    [InlineData("9007199254740993")]
    [InlineData("123456789012345678901234567890")]
    [InlineData("1.5e300")]
    [InlineData("-60012345000002040")]
    public void Normalize_WhenAppIdIsAnyNumber_IgnoresIt(string appId)
    {
        var text = Encoding.UTF8.GetString(Fixture.Read(Created))
            .Replace("\"app_id\": 60012345000002040", $"\"app_id\": {appId}", StringComparison.Ordinal);

        Assert.Contains(appId, text, StringComparison.Ordinal);
        Assert.Equal(_normalizer.NormalizeFixture(Created).SingleEvent(), _normalizer.Normalize(Bodies.Utf8(text)).SingleEvent());
    }

    [Fact]
    public void Normalize_WhenIdsAreIntegersBeyondDoublePrecision_KeepsEveryDigit()
    {
        var body = Bodies.Edit(VisitorReplied, root =>
        {
            root.At("entity.visitor")["id"] = JsonValue.Create(9007199254740993L);
            root.At("entity.message")["id"] = JsonValue.Create(9007199254740995L);
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal("9007199254740993", e.Lead.ProviderLeadId);
        Assert.Equal("9007199254740995", e.MessageId);
    }

    [Theory]
    [InlineData("Cher", "Cher", null)]
    [InlineData("  Lena   Fischer ", "Lena", "Fischer")]
    [InlineData("María de la Cruz", "María", "de la Cruz")]
    public void Normalize_WhenVisitorHasADisplayName_SplitsItAtTheFirstSpace(string name, string first, string? last)
    {
        var body = Bodies.Edit(Created, root => root.At("entity.visitor")["name"] = name);

        var lead = _normalizer.Normalize(body).SingleEvent().Lead;

        Assert.Equal(first, lead.FirstName);
        Assert.Equal(last, lead.LastName);
    }

    [Fact]
    public void Normalize_WhenMessageTextIsHuge_TruncatesIt()
    {
        var body = Bodies.Edit(OperatorReplied, root => root.At("entity.message")["text"] = new string('m', 1_000_000));

        Assert.Equal(64 * 1024, _normalizer.Normalize(body).SingleEvent().Text!.Length);
    }

    [Fact]
    public void Normalize_WhenChatCreatedWithoutQuestion_StillRecordsTheInboundMessage()
    {
        var body = Bodies.Edit(Created, root => root.At("entity")["question"] = null);

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(EventKind.Message, e.Kind);
        Assert.Null(e.Text);
        Assert.True(e.IsReply);
    }

    [Fact]
    public void Normalize_StatusEvents_AreNotReplies()
    {
        foreach (var fixture in new[] { Missed, Completed, Rated, VisitorUpdated })
        {
            Assert.False(_normalizer.NormalizeFixture(fixture).SingleEvent().IsReply, fixture);
        }
    }
}
