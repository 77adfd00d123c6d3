using System.Text;
using System.Text.Json.Nodes;
using Conversations.Ingestion.SalesIq;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;
using static Conversations.Ingestion.Tests.SalesIq.SalesIqExpectations;

namespace Conversations.Ingestion.Tests.SalesIq;

public sealed class SalesIqRejectionTests
{
    private readonly SalesIqNormalizer _normalizer = new();

    [Theory]
    [InlineData(null, "event is missing")]
    [InlineData("  ", "event is missing")]
    public void Normalize_WhenEventMissing_Rejects(string? name, string detail)
    {
        var body = Bodies.Edit(Created, root => root["event"] = name);

        Assert.Equal(detail, _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Fact]
    public void Normalize_WhenEntityMissing_Rejects()
    {
        var body = Bodies.Edit(Created, root => root.Remove("entity"));

        Assert.Equal("entity is missing", _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Theory]
    [InlineData(Created, "", "event", "event is not a string")]
    [InlineData(Created, "", "entity", "entity is not an object")]
    [InlineData(Created, "entity", "id", "entity.id is not a string or an integer")]
    [InlineData(Created, "entity", "visitor", "entity.visitor is not an object")]
    [InlineData(Created, "entity", "question", "entity.question is not a string")]
    [InlineData(Created, "entity", "opened_time", "entity.opened_time is not a string or an integer")]
    [InlineData(Created, "entity.visitor", "email_id", "entity.visitor.email_id is not a string")]
    [InlineData(Created, "entity.visitor", "phone", "entity.visitor.phone is not a string")]
    [InlineData(Created, "entity.visitor", "name", "entity.visitor.name is not a string")]
    [InlineData(Created, "entity.visitor", "id", "entity.visitor.id is not a string or an integer")]
    [InlineData(VisitorReplied, "entity", "message", "entity.message is not an object")]
    [InlineData(VisitorReplied, "entity.message", "id", "entity.message.id is not a string or an integer")]
    [InlineData(VisitorReplied, "entity.message", "text", "entity.message.text is not a string")]
    [InlineData(VisitorReplied, "entity.message", "time", "entity.message.time is not a string or an integer")]
    [InlineData(Missed, "entity", "missed_time", "entity.missed_time is not a string or an integer")]
    [InlineData(Completed, "entity", "end_time", "entity.end_time is not a string or an integer")]
    [InlineData(Rated, "entity", "rating", "entity.rating is not a string or an integer")]
    [InlineData(Rated, "entity", "feedback", "entity.feedback is not a string")]
    [InlineData(VisitorUpdated, "entity", "email_id", "entity.email_id is not a string")]
    [InlineData(VisitorUpdated, "entity", "type", "entity.type is not a string")]
    [InlineData(VisitorUpdated, "entity", "lead", "entity.lead is not an object")]
    [InlineData(VisitorUpdated, "entity.lead", "id", "entity.lead.id is not a string or an integer")]
    public void Normalize_WhenFieldHasWrongType_RejectsNamingIt(string fixture, string parent, string field, string detail)
    {
        var body = Bodies.Edit(fixture, root => (parent.Length == 0 ? root : root.At(parent))[field] = JsonValue.Create(1.5));

        Assert.Equal(detail, _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Theory]
    [InlineData("yesterday", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("1.7698572e12", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("-1769857200000", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("+1769857200000", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("1769857200000.5", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("1 769 857 200 000", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("\uFF11\uFF17\uFF16\uFF19", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("2026-01-31T11:00:00Z", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("99999999999999999999", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("9223372036854775807", "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData("999999999999999", "entity.opened_time is more than a day after the delivery was received")]
    [InlineData("1769857200", "entity.opened_time is before 2000-01-01")]
    [InlineData("0", "entity.opened_time is before 2000-01-01")]
    [InlineData("4102444800000", "entity.opened_time is more than a day after the delivery was received")]
    public void Normalize_WhenTimeUnusable_RejectsNamingIt(string openedTime, string detail)
    {
        var body = Bodies.Edit(Created, root => root.At("entity")["opened_time"] = openedTime);

        Assert.Equal(detail, _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Theory]
    [InlineData(-1L, "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData(long.MaxValue, "entity.opened_time is not a time in epoch milliseconds")]
    [InlineData(1769857200L, "entity.opened_time is before 2000-01-01")]
    public void Normalize_WhenTimeIsAnUnusableInteger_RejectsNamingIt(long openedTime, string detail)
    {
        var body = Bodies.Edit(Created, root => root.At("entity")["opened_time"] = openedTime);

        Assert.Equal(detail, _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Fact]
    public void Normalize_WhenTimeIsAHugeInteger_RejectsWithoutLosingIt()
    {
        var text = Encoding.UTF8.GetString(Fixture.Read(Created))
            .Replace("\"opened_time\": \"1769857200000\"", "\"opened_time\": " + new string('9', 400), StringComparison.Ordinal);

        var error = _normalizer.Normalize(Bodies.Utf8(text)).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("entity.opened_time is not a time in epoch milliseconds", error.Detail);
    }

    [Theory]
    [InlineData(Created, "entity", "opened_time", "entity.opened_time is missing")]
    [InlineData(Missed, "entity", "missed_time", "entity.missed_time is missing")]
    [InlineData(Completed, "entity", "end_time", "entity.end_time is missing")]
    [InlineData(VisitorReplied, "entity", "message", "entity.message is missing")]
    [InlineData(OperatorReplied, "entity.message", "time", "entity.message.time is missing")]
    public void Normalize_WhenRequiredFieldMissing_RejectsNamingIt(string fixture, string parent, string field, string detail)
    {
        var body = Bodies.Edit(fixture, root => root.At(parent).Remove(field));

        Assert.Equal(detail, _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload).Detail);
    }

    [Theory]
    [InlineData(Created)]
    [InlineData(Rated)]
    [InlineData(VisitorUpdated)]
    public void Normalize_WhenNoEntityIdAnywhere_Rejects(string fixture)
    {
        var body = Bodies.Edit(fixture, root =>
        {
            root.Remove("entity_id");
            root.At("entity").Remove("id");
        });

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("entity.id and entity_id are both missing", error.Detail);
    }
}
