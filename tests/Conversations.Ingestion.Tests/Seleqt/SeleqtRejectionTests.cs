using System.Text.Json.Nodes;
using Conversations.Ingestion.Seleqt;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Seleqt;

public sealed class SeleqtRejectionTests
{
    private const string Incoming = "seleqt/01-incoming_message.json";

    private readonly SeleqtNormalizer _normalizer = new();

    [Fact]
    public void Normalize_WhenEventMissing_Rejects()
    {
        var body = Bodies.Edit(Incoming, root => root.Remove("event"));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("event is missing", error.Detail);
    }

    [Theory]
    [InlineData("", "event", "event is not a string")]
    [InlineData("", "message", "message is not an object")]
    [InlineData("message", "message_id", "message.message_id is not a string")]
    [InlineData("message", "sent_by_lead", "message.sent_by_lead is not true or false")]
    [InlineData("message", "sent_at", "message.sent_at is not a string")]
    [InlineData("message", "lead", "message.lead is not an object")]
    [InlineData("message", "campaign", "message.campaign is not an object")]
    [InlineData("message.lead", "company", "message.lead.company is not an object")]
    [InlineData("message.lead", "email", "message.lead.email is not a string")]
    [InlineData("message.lead", "id", "message.lead.id is not a string or an integer")]
    public void Normalize_WhenFieldHasWrongType_RejectsNamingIt(string parent, string field, string detail)
    {
        var body = Bodies.Edit(Incoming, root => (parent.Length == 0 ? root : root.At(parent))[field] = JsonValue.Create(1.5));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal(detail, error.Detail);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_WhenMessageIdMissing_Rejects(string? messageId)
    {
        var body = Bodies.Edit(Incoming, root => root.At("message")["message_id"] = messageId);

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("message.message_id is missing", error.Detail);
    }

    [Fact]
    public void Normalize_WhenMessageMissing_Rejects()
    {
        var body = Bodies.Edit(Incoming, root => root.Remove("message"));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("message is missing", error.Detail);
    }

    [Fact]
    public void Normalize_WhenBothTimesMissing_Rejects()
    {
        var body = Bodies.Edit(Incoming, root =>
        {
            root.At("message").Remove("sent_at");
            root.At("message")["created_at"] = null;
        });

        _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);
    }

    [Theory]
    [InlineData("2026-09-18 10:00", "message.sent_at is not an ISO 8601 time")]
    [InlineData("2026-10-03T00:00:00Z", "message.sent_at is more than a day after the delivery was received")]
    [InlineData("1970-01-01T00:00:00Z", "message.sent_at is before 2000-01-01")]
    public void Normalize_WhenSentAtUnusable_RejectsNamingIt(string sentAt, string detail)
    {
        var body = Bodies.Edit(Incoming, root => root.At("message")["sent_at"] = sentAt);

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal(detail, error.Detail);
    }
}
