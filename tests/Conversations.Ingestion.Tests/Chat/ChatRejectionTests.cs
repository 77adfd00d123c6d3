using System.Text.Json.Nodes;
using Conversations.Ingestion.Chat;
using Conversations.Ingestion.Tests.Support;
using static Conversations.Ingestion.Tests.Chat.ChatExpectations;

namespace Conversations.Ingestion.Tests.Chat;

public sealed class ChatRejectionTests
{
    private readonly ChatNormalizer _normalizer = new();

    [Theory]
    [InlineData("event", "event is missing")]
    [InlineData("message", "message is missing")]
    [InlineData("conversation", "conversation is missing")]
    public void Normalize_WhenRequiredPartMissing_RejectsNamingIt(string field, string detail)
    {
        var body = Bodies.Edit(WhatsApp, root => root.Remove(field));

        Assert.Equal(detail, _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Theory]
    [InlineData("", "event", "event is not a string")]
    [InlineData("", "message", "message is not an object")]
    [InlineData("", "conversation", "conversation is not an object")]
    [InlineData("message", "sender", "message.sender is not an object")]
    [InlineData("message", "content", "message.content is not a string")]
    [InlineData("message", "contentType", "message.contentType is not a string")]
    [InlineData("message", "externalId", "message.externalId is not a string or an integer")]
    [InlineData("message", "imageUrl", "message.imageUrl is not a string")]
    [InlineData("message.sender", "authUser", "message.sender.authUser is not true or false")]
    [InlineData("message.sender", "lastActivity", "message.sender.lastActivity is not a string")]
    [InlineData("message.sender", "name", "message.sender.name is not a string")]
    [InlineData("conversation", "id", "conversation.id is not a string or an integer")]
    [InlineData("conversation", "customer", "conversation.customer is not an object")]
    [InlineData("conversation", "status", "conversation.status is not a string")]
    [InlineData("conversation", "subject", "conversation.subject is not a string")]
    [InlineData("conversation", "Channel", "conversation.Channel is not an object")]
    [InlineData("conversation.customer", "email", "conversation.customer.email is not a string")]
    [InlineData("conversation.customer", "name", "conversation.customer.name is not a string")]
    [InlineData("conversation.Channel", "medium", "conversation.Channel.medium is not a string")]
    public void Normalize_WhenFieldHasWrongType_RejectsNamingIt(string parent, string field, string detail)
    {
        var body = Bodies.Edit(AgentReply, root => (parent.Length == 0 ? root : root.At(parent))[field] = JsonValue.Create(1.5));

        Assert.Equal(detail, _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Fact]
    public void Normalize_WhenNoTimeAnywhere_Rejects()
    {
        var body = Bodies.Edit(WhatsApp, root =>
        {
            root.At("message.sender")["lastActivity"] = null;
            root.At("conversation").Remove("lastMessageAt");
        });

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("message.sender.lastActivity and conversation.lastMessageAt are both missing", error.Detail);
    }

    [Theory]
    [InlineData("1663661702120", "message.sender.lastActivity is not an ISO 8601 time")]
    [InlineData("20/09/2026 08:15", "message.sender.lastActivity is not an ISO 8601 time")]
    [InlineData("2026-10-03T00:00:00Z", "message.sender.lastActivity is more than a day after the delivery was received")]
    [InlineData("1999-12-31T23:59:59Z", "message.sender.lastActivity is before 2000-01-01")]
    public void Normalize_WhenTimeUnusable_RejectsNamingIt(string lastActivity, string detail)
    {
        var body = Bodies.Edit(WhatsApp, root => root.At("message.sender")["lastActivity"] = lastActivity);

        Assert.Equal(detail, _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Fact]
    public void Normalize_WhenNoConversationIdAnywhere_Rejects()
    {
        var body = Bodies.Edit(WhatsApp, root =>
        {
            root.At("conversation").Remove("id");
            root.At("message")["conversation_id"] = null;
        });

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("conversation.id and message.conversation_id are both missing", error.Detail);
    }
}
