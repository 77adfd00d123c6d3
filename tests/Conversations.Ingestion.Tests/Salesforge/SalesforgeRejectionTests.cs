using System.Text;
using System.Text.Json.Nodes;
using Conversations.Ingestion.Salesforge;
using Conversations.Ingestion.Tests.Support;
using Conversations.Testing;

namespace Conversations.Ingestion.Tests.Salesforge;

public sealed class SalesforgeRejectionTests
{
    private const string Sent = "salesforge/01-email_sent.json";
    private const string Opened = "salesforge/02-email_opened.json";

    private readonly SalesforgeNormalizer _normalizer = new();

    [Theory]
    [InlineData("webhookInfo", "webhookInfo is not an object")]
    [InlineData("contact", "contact is not an object")]
    [InlineData("sequence", "sequence is not an object")]
    [InlineData("emailSentData", "emailSentData is not an object")]
    public void Normalize_WhenBlockIsNotAnObject_RejectsNamingIt(string block, string detail)
    {
        var body = Bodies.Edit(Sent, root => root[block] = 5);

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Normalize_WhenWebhookInfoMissing_Rejects()
    {
        var body = Bodies.Edit(Sent, root => root.Remove("webhookInfo"));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("webhookInfo is missing", error.Detail);
    }

    [Theory]
    [InlineData("webhookInfo", "eventTime", "webhookInfo.eventTime is not a string")]
    [InlineData("webhookInfo", "type", "webhookInfo.type is not a string")]
    [InlineData("contact", "email", "contact.email is not a string")]
    [InlineData("contact", "firstName", "contact.firstName is not a string")]
    [InlineData("sequenceEmail", "subject", "sequenceEmail.subject is not a string")]
    [InlineData("sequenceEmail", "emailId", "sequenceEmail.emailId is not a string or an integer")]
    public void Normalize_WhenFieldHasWrongType_RejectsNamingIt(string block, string field, string detail)
    {
        var body = Bodies.Edit(Sent, root => root.At(block)[field] = new JsonArray());

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal(detail, error.Detail);
    }

    [Fact]
    public void Normalize_WhenNoDataBlockAndNoType_Rejects()
    {
        var body = Bodies.Edit(Sent, root =>
        {
            root.Remove("emailSentData");
            root.At("webhookInfo").Remove("type");
        });

        _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);
    }

    [Fact]
    public void Normalize_WhenNoTimeAtAll_Rejects()
    {
        var body = Bodies.Edit(Sent, root => root.At("webhookInfo").Remove("eventTime"));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("webhookInfo.eventTime is missing", error.Detail);
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("")]
    [InlineData("12/06/2026 09:00")]
    [InlineData("2026-13-01T00:00:00Z")]
    [InlineData("2026-09-14 09:00:00+02:00")]
    [InlineData("1757833200")]
    public void Normalize_WhenEventTimeUnparseable_Rejects(string time)
    {
        var body = Bodies.Edit(Sent, root => root.At("webhookInfo")["eventTime"] = time);

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("webhookInfo.eventTime is not an ISO 8601 time", error.Detail);
    }

    [Fact]
    public void Normalize_WhenDataBlockTimeUnparseable_RejectsNamingIt()
    {
        var body = Bodies.Edit(Opened, root => root.At("emailOpenedData")["openedAt"] = "soon");

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("emailOpenedData.openedAt is not an ISO 8601 time", error.Detail);
    }

    [Fact]
    public void Normalize_WhenTimeMoreThanADayAhead_Rejects()
    {
        var future = Delivery.ReceivedAt.AddDays(1).AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ssK");
        var body = Bodies.Edit(Sent, root => root.At("webhookInfo")["eventTime"] = future);

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Contains("webhookInfo.eventTime", error.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Normalize_WhenTimeSlightlyAheadOfReceipt_AcceptsClockSkew()
    {
        var body = Bodies.Edit(Sent, root => root.At("webhookInfo")["eventTime"] = "2026-10-01T05:00:00+02:00");

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(TimeSpan.FromHours(2), e.OccurredAt.Offset);
    }

    [Theory]
    [InlineData("1999-12-31T23:59:59Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    public void Normalize_WhenTimeBefore2000_Rejects(string time)
    {
        var body = Bodies.Edit(Sent, root => root.At("webhookInfo")["eventTime"] = time);

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("webhookInfo.eventTime is before 2000-01-01", error.Detail);
    }

    [Fact]
    public void Normalize_WhenTimeHasNoOffset_TakesItAsUtc()
    {
        var body = Bodies.Edit(Sent, root => root.At("webhookInfo")["eventTime"] = "2026-09-14T09:00:00");

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(new DateTimeOffset(2026, 9, 14, 9, 0, 0, TimeSpan.Zero), e.OccurredAt);
        Assert.Equal(TimeSpan.Zero, e.OccurredAt.Offset);
    }

    [Theory]
    [InlineData("2026-09-14T09:00:00.5+02:00", 5_000_000)]
    [InlineData("2026-09-14T09:00:00.123456789+02:00", 1_234_567)]
    [InlineData("2026-09-14T09:00+02:00", 0)]
    [InlineData("2026-09-14T09:00:00+0200", 0)]
    public void Normalize_WhenTimeUsesAnotherIso8601Form_ParsesIt(string time, long ticksAfterNine)
    {
        var body = Bodies.Edit(Sent, root => root.At("webhookInfo")["eventTime"] = time);

        var e = _normalizer.Normalize(body).SingleEvent();

        var nine = new DateTimeOffset(2026, 9, 14, 9, 0, 0, TimeSpan.FromHours(2));
        Assert.Equal(nine.AddTicks(ticksAfterNine), e.OccurredAt);
        Assert.Equal(TimeSpan.FromHours(2), e.OccurredAt.Offset);
    }

    [Fact]
    public void Normalize_WhenStringHoldsLoneSurrogate_RejectsWithoutThrowing()
    {
        var body = Bodies.Utf8(Encoding.UTF8.GetString(Fixture.Read(Sent))
            .Replace("\"Hanna\"", "\"\\ud800\"", StringComparison.Ordinal));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("contact.firstName is not valid Unicode text", error.Detail);
    }

    [Fact]
    public void Normalize_WhenIdIsHuge_RejectsInsteadOfTruncating()
    {
        var body = Bodies.Edit(Sent, root => root.At("sequence")["id"] = new string('q', 5_000));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("sequence.id is longer than 1024 characters", error.Detail);
    }
}
