using System.Text.Json.Nodes;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Chat;
using Conversations.Ingestion.Tests.Support;
using static Conversations.Ingestion.Tests.Chat.ChatExpectations;

namespace Conversations.Ingestion.Tests.Chat;

public sealed class ChatNormalizerTests
{
    private readonly ChatNormalizer _normalizer = new();

    [Theory]
    [InlineData("WHATSAPP", Channel.WhatsApp)]
    [InlineData("whatsapp", Channel.WhatsApp)]
    [InlineData(" WhatsApp ", Channel.WhatsApp)]
    [InlineData("SMS", Channel.Sms)]
    [InlineData("sms", Channel.Sms)]
    [InlineData("TELEGRAM", Channel.Chat)]
    [InlineData("WEBCHAT", Channel.Chat)]
    [InlineData("", Channel.Chat)]
    [InlineData(null, Channel.Chat)]
    public void Normalize_TakesTheChannelFromTheInboxMedium(string? medium, Channel channel)
    {
        var body = Bodies.Edit(AgentReply, root => root.At("conversation.Channel")["medium"] = medium);

        var events = _normalizer.Normalize(body).Events;

        Assert.All(events, e => Assert.Equal(channel, e.Channel));
    }

    [Fact]
    public void Normalize_WhenInboxChannelMissing_IsChat()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("conversation").Remove("Channel"));

        Assert.Equal(Channel.Chat, _normalizer.Normalize(body).SingleEvent().Channel);
    }

    [Fact]
    public void Normalize_WhenInboxChannelSpelledInLowerCase_ReadsIt()
    {
        var body = Bodies.Edit(WhatsApp, root =>
        {
            var conversation = root.At("conversation");
            var inbox = conversation["Channel"]!.DeepClone();
            conversation.Remove("Channel");
            conversation["channel"] = inbox;
            inbox["medium"] = "SMS";
        });

        Assert.Equal(Channel.Sms, _normalizer.Normalize(body).SingleEvent().Channel);
    }

    [Theory]
    [InlineData(true, Direction.Outbound)]
    [InlineData(false, Direction.Inbound)]
    [InlineData(null, Direction.Inbound)]
    public void Normalize_TakesTheDirectionFromTheSender(bool? authUser, Direction direction)
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("message.sender")["authUser"] = authUser);

        Assert.Equal(direction, _normalizer.Normalize(body).SingleEvent().Direction);
    }

    [Fact]
    public void Normalize_WhenAgentWrites_IsNotAReply()
    {
        var message = _normalizer.NormalizeFixture(AgentReply).Events[0];

        Assert.False(message.IsReply);
    }

    [Fact]
    public void Normalize_WhenCustomerWrites_IsAReply()
    {
        Assert.True(_normalizer.NormalizeFixture(WhatsApp).SingleEvent().IsReply);
    }

    [Fact]
    public void Normalize_WhenMessageHasAnExternalId_UsesItAndKeepsTheIdWhateverTheContent()
    {
        string Id(string content) => _normalizer.Normalize(Bodies.Edit(WhatsApp, root =>
        {
            root.At("message")["externalId"] = "wamid.HBgNMjM0ODAxMjM0NTY3OBUCABIYFjNFQjA=";
            root.At("message")["content"] = content;
        })).SingleEvent().EventId;

        var e = _normalizer.Normalize(Bodies.Edit(WhatsApp, root => root.At("message")["externalId"] = "wamid.X")).SingleEvent();

        Assert.Equal("wamid.X", e.MessageId);
        Assert.Equal(Id("Hello"), Id("Hello, edited"));
        Assert.NotEqual(_normalizer.NormalizeFixture(WhatsApp).SingleEvent().EventId, Id("Hello"));
    }

    [Fact]
    public void Normalize_WhenMessageHasItsOwnId_PrefersItToTheExternalId()
    {
        var body = Bodies.Edit(WhatsApp, root =>
        {
            root.At("message")["id"] = "msg-1";
            root.At("message")["externalId"] = "wamid.X";
        });

        Assert.Equal("msg-1", _normalizer.Normalize(body).SingleEvent().MessageId);
    }

    [Fact]
    public void Normalize_WhenExternalIdIsAnIntegerBeyondDoublePrecision_KeepsEveryDigit()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("message")["externalId"] = JsonValue.Create(9007199254740993L));

        Assert.Equal("9007199254740993", _normalizer.Normalize(body).SingleEvent().MessageId);
    }

    [Theory]
    [InlineData("message", "content", "Hello, I'd like a quote for 300 units.")]
    [InlineData("message.sender", "lastActivity", "2026-09-20T08:15:03.120Z")]
    [InlineData("message.sender", "name", "Amara O.")]
    [InlineData("message.sender", "authUser", true)]
    [InlineData("message", "contentType", "IMAGE")]
    [InlineData("message", "imageUrl", "https://media.example/img2.jpg")]
    [InlineData("conversation", "id", "3f2e1d0c-1111-4aaa-8bbb-000000000099")]
    public void Normalize_WhenMessageWithoutIdDiffersInWhatIdentifiesIt_GivesANewEventId(string parent, string field, object value)
    {
        var changed = Bodies.Edit(WhatsApp, root => root.At(parent)[field] = JsonValue.Create(value));

        Assert.NotEqual(_normalizer.NormalizeFixture(WhatsApp).SingleEvent().EventId, _normalizer.Normalize(changed).SingleEvent().EventId);
    }

    [Theory]
    [InlineData("conversation", "updatedAt", "2026-09-20T08:16:00.000Z")]
    [InlineData("conversation", "read", true)]
    [InlineData("conversation", "agent_id", "agent-17")]
    [InlineData("message.sender", "lastActivity", "2026-09-20T09:15:02.120+01:00")]
    public void Normalize_WhenOnlyOtherDetailsDiffer_KeepsTheEventId(string parent, string field, object value)
    {
        var changed = Bodies.Edit(WhatsApp, root => root.At(parent)[field] = JsonValue.Create(value));

        Assert.Equal(_normalizer.NormalizeFixture(WhatsApp).SingleEvent().EventId, _normalizer.Normalize(changed).SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenSenderHasNoTime_UsesTheConversationsLastMessageTime()
    {
        var body = Bodies.Edit(PhoneOnly, root => root.At("message.sender").Remove("lastActivity"));

        Assert.Equal(DateTimeOffset.Parse("2026-09-20T08:15:02.120Z"), _normalizer.Normalize(body).SingleEvent().OccurredAt);
    }

    [Fact]
    public void Normalize_WhenSenderMissing_IsAnInboundMessageAtTheConversationsLastMessageTime()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("message").Remove("sender"));

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(Direction.Inbound, e.Direction);
        Assert.Equal(DateTimeOffset.Parse("2026-09-20T08:15:02.120Z"), e.OccurredAt);
    }

    [Fact]
    public void Normalize_KeepsTheTimesOffset()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("message.sender")["lastActivity"] = "2026-09-20T09:15:02.120+01:00");

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(TimeSpan.FromHours(1), e.OccurredAt.Offset);
        Assert.Equal(DateTimeOffset.Parse("2026-09-20T08:15:02.120Z"), e.OccurredAt);
    }

    [Theory]
    [InlineData("VIDEO", "videoUrl")]
    [InlineData("DOCUMENT", "documentUrl")]
    [InlineData("audio", "audioUrl")]
    public void Normalize_WhenMediaMessage_TakesTheLinkOfItsMedium(string contentType, string field)
    {
        var body = Bodies.Edit(Image, root =>
        {
            root.At("message")["contentType"] = contentType;
            root.At("message")[field] = "https://media.example/file";
            root.At("message")["content"] = "caption";
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal("https://media.example/file", e.Url);
        Assert.Equal("caption", e.Text);
    }

    [Fact]
    public void Normalize_WhenContentTypeNamesNoMediumWithALink_TakesTheLinkThereIs()
    {
        var body = Bodies.Edit(Image, root =>
        {
            root.At("message")["contentType"] = "STICKER";
            root.At("message")["imageUrl"] = null;
            root.At("message")["audioUrl"] = " https://media.example/voice.ogg ";
        });

        Assert.Equal("https://media.example/voice.ogg", _normalizer.Normalize(body).SingleEvent().Url);
    }

    [Fact]
    public void Normalize_WhenTextMessage_HasNoLink()
    {
        Assert.Null(_normalizer.NormalizeFixture(WhatsApp).SingleEvent().Url);
    }

    [Fact]
    public void Normalize_WhenConversationHasASubject_KeepsIt()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("conversation")["subject"] = " Quote for 200 units ");

        Assert.Equal("Quote for 200 units", _normalizer.Normalize(body).SingleEvent().Subject);
    }

    [Fact]
    public void Normalize_WhenContentIsHuge_TruncatesIt()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("message")["content"] = new string('m', 1_000_000));

        Assert.Equal(64 * 1024, _normalizer.Normalize(body).SingleEvent().Text!.Length);
    }

    [Theory]
    [InlineData("in-queue")]
    [InlineData(" IN-QUEUE ")]
    [InlineData("")]
    [InlineData(null)]
    public void Normalize_WhenStatusIsTheInitialOneOrNone_RecordsOnlyTheMessage(string? status)
    {
        var body = Bodies.Edit(AgentReply, root => root.At("conversation")["status"] = status);

        Assert.Equal(EventKind.Message, _normalizer.Normalize(body).SingleEvent().Kind);
    }

    [Theory]
    [InlineData("closed")]
    [InlineData("Resolved")]
    public void Normalize_WhenStatusChanged_RecordsItAfterTheMessage(string status)
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("conversation")["status"] = status);

        var events = _normalizer.Normalize(body).Events;

        Assert.Equal([EventKind.Message, EventKind.StatusUpdated], events.Select(e => e.Kind));
        Assert.Equal(status.ToLowerInvariant(), events[1].Subject);
        Assert.Equal(events[0].OccurredAt, events[1].OccurredAt);
        Assert.Equal(events[0].Lead, events[1].Lead);
        Assert.Null(events[1].Text);
    }

    [Fact]
    public void Normalize_WhenLaterMessagesRepeatTheStatus_GiveTheSameStatusEvent()
    {
        var later = Bodies.Edit(AgentReply, root =>
        {
            root.At("message")["content"] = "Here is the quote.";
            root.At("message.sender")["lastActivity"] = "2026-09-20T08:30:00.000Z";
        });

        var first = _normalizer.NormalizeFixture(AgentReply).Events;
        var second = _normalizer.Normalize(later).Events;

        Assert.NotEqual(first[0].EventId, second[0].EventId);
        Assert.Equal(first[1].EventId, second[1].EventId);
    }

    [Fact]
    public void Normalize_WhenStatusChangesAgain_GivesANewStatusEvent()
    {
        var closed = Bodies.Edit(AgentReply, root => root.At("conversation")["status"] = "closed");

        Assert.NotEqual(_normalizer.NormalizeFixture(AgentReply).Events[1].EventId, _normalizer.Normalize(closed).Events[1].EventId);
    }

    [Fact]
    public void Normalize_WhenAnotherConversationHasTheSameStatus_GivesAnotherStatusEvent()
    {
        var other = Bodies.Edit(AgentReply, root => root.At("conversation")["id"] = "3f2e1d0c-1111-4aaa-8bbb-000000000077");

        Assert.NotEqual(_normalizer.NormalizeFixture(AgentReply).Events[1].EventId, _normalizer.Normalize(other).Events[1].EventId);
    }

    [Fact]
    public void Normalize_WhenConversationIdMissing_UsesTheMessagesConversationId()
    {
        var body = Bodies.Edit(AgentReply, root => root.At("conversation").Remove("id"));

        var expected = _normalizer.NormalizeFixture(AgentReply).Events.Select(e => e.EventId);

        Assert.Equal(expected, _normalizer.Normalize(body).Events.Select(e => e.EventId));
    }

    [Fact]
    public void Normalize_WhenCustomerHasEmailAndPhone_KeysByEmailAndKeepsThePhone()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("conversation.customer")["phone"] = "+234 (0)803 555 0199");

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal("amara.okafor@lagosmart.example", e.Lead.Email);
        Assert.Equal("+2348035550199", e.Lead.Phone);
    }

    [Fact]
    public void Normalize_WhenEmailUnusable_FallsBackToThePhone()
    {
        var body = Bodies.Edit(PhoneOnly, root => root.At("conversation.customer")["email"] = "not an email");

        Assert.Equal("+2348035550199", _normalizer.Normalize(body).SingleEvent().Lead.Phone);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("0803 555 0199")]
    [InlineData("+0 803")]
    public void Normalize_WhenCustomerHasNoUsableIdentity_RejectsNamingFieldsLookedAt(string? phone)
    {
        var body = Bodies.Edit(PhoneOnly, root => root.At("conversation.customer")["phone"] = phone);

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);

        Assert.Equal("no usable lead identity in conversation.customer.email, conversation.customer.phone, conversation.customer.id", error.Detail);
    }

    [Fact]
    public void Normalize_WhenCustomerHasOnlyTheInboxsId_AcceptsUnderIt()
    {
        var body = Bodies.Edit(PhoneOnly, root =>
        {
            root.At("conversation.customer").Remove("phone");
            root.At("conversation.customer")["id"] = "cus_77";
        });

        var result = _normalizer.Normalize(body);

        Assert.Equal(["chat:customer:cus_77"], Assert.Single(result.Leads).Aliases);
        Assert.Equal(_normalizer.NormalizeFixture(PhoneOnly).SingleEvent().EventId, result.SingleEvent().EventId);
    }

    [Fact]
    public void Normalize_WhenCustomerHasEmailPhoneAndId_GivesEveryAlias()
    {
        var body = Bodies.Edit(WhatsApp, root =>
        {
            root.At("conversation.customer")["phone"] = "+234 803 555 0199";
            root.At("conversation.customer")["id"] = 77;
        });

        var result = _normalizer.Normalize(body);

        Assert.Equal(
            ["email:amara.okafor@lagosmart.example", "phone:+2348035550199", "chat:customer:77"],
            Assert.Single(result.Leads).Aliases);
    }

    [Fact]
    public void Normalize_WhenOnlyTheInboxHasAPhone_RejectsRatherThanKeyByTheInbox()
    {
        var body = Bodies.Edit(PhoneOnly, root => root.At("conversation.customer").Remove("phone"));

        Assert.Equal("+2348012345678", Bodies.Parse(PhoneOnly).At("conversation.Channel")["phone"]!.GetValue<string>());
        _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);
    }

    [Fact]
    public void Normalize_WhenCustomerMissing_RejectsAsNoLeadIdentity()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("conversation").Remove("customer"));

        _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.NoLeadIdentity);
    }

    [Fact]
    public void Normalize_WhenCustomerHasAnId_KeepsIt()
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("conversation.customer")["id"] = 4711);

        Assert.Equal("4711", _normalizer.Normalize(body).SingleEvent().Lead.ProviderLeadId);
    }

    [Theory]
    [InlineData("conversationClosed", "unsupported chat event 'conversationClosed'")]
    [InlineData("messageRead\u0000", "unsupported chat event 'messageRead\uFFFD'")]
    public void Normalize_WhenEventIsNotNewMessage_IgnoresIt(string name, string reason)
    {
        var body = Bodies.Edit(WhatsApp, root => root["event"] = name);

        var result = _normalizer.Normalize(body);

        Assert.Equal(reason, result.IgnoredReason);
        Assert.Empty(result.Events);
    }

    [Fact]
    public void Normalize_WhenEventNameInOtherCase_AcceptsIt()
    {
        var body = Bodies.Edit(WhatsApp, root => root["event"] = "NewMessage");

        Assert.Equal(_normalizer.NormalizeFixture(WhatsApp).SingleEvent(), _normalizer.Normalize(body).SingleEvent());
    }
}
