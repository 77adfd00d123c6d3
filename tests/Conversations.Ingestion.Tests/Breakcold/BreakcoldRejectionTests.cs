using System.Text.Json.Nodes;
using Conversations.Abstractions.Leads;
using Conversations.Ingestion.Breakcold;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Breakcold;

public sealed class BreakcoldRejectionTests
{
    private const string Create = "breakcold/01-lead.create.json";
    private const string LinkedIn = "breakcold/04-lead.linkedin.new.json";
    private const string Reply = "breakcold/05-campaign.email.reply.json";

    private readonly BreakcoldNormalizer _normalizer = new();

    [Fact]
    public void Normalize_WhenEventMissing_Rejects()
    {
        var error = _normalizer.Normalize(Bodies.Edit(Create, root => root.Remove("event")))
            .AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("event is missing", error.Detail);
    }

    [Fact]
    public void Normalize_WhenPayloadMissing_Rejects()
    {
        var error = _normalizer.Normalize(Bodies.Edit(Create, root => root.Remove("payload")))
            .AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("payload is missing", error.Detail);
    }

    [Theory]
    [InlineData(Create, "", "event", "event is not a string")]
    [InlineData(Create, "", "payload", "payload is not an object")]
    [InlineData(Create, "payload", "email", "payload.email is not a string")]
    [InlineData(Create, "payload", "linkedin_url", "payload.linkedin_url is not a string")]
    [InlineData(Create, "payload", "phone", "payload.phone is not a string")]
    [InlineData(Create, "payload", "company", "payload.company is not a string")]
    [InlineData(Create, "payload", "id", "payload.id is not a string or an integer")]
    [InlineData(Create, "payload", "created_at", "payload.created_at is not a string")]
    [InlineData(LinkedIn, "payload.lead", "email", "payload.lead.email is not a string")]
    [InlineData(Reply, "payload.lead", "first_name", "payload.lead.first_name is not a string")]
    public void Normalize_WhenDocumentedFieldHasWrongType_RejectsNamingIt(string fixture, string parent, string field, string detail)
    {
        var body = Bodies.Edit(fixture, root => (parent.Length == 0 ? root : root.At(parent))[field] = JsonValue.Create(1.5));

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal(detail, error.Detail);
    }

    [Theory]
    [InlineData("2026-09-01 08:00", "payload.created_at is not an ISO 8601 time")]
    [InlineData("2026-10-03T00:00:00Z", "payload.created_at is more than a day after the delivery was received")]
    [InlineData("1970-01-01T00:00:00Z", "payload.created_at is before 2000-01-01")]
    public void Normalize_WhenDocumentedTimeUnusable_RejectsNamingIt(string createdAt, string detail)
    {
        var body = Bodies.Edit(Create, root => root.At("payload")["created_at"] = createdAt);

        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal(detail, error.Detail);
    }

    [Theory]
    [InlineData("message", "text")]
    [InlineData("message", "id")]
    [InlineData("message", "from_lead")]
    [InlineData("message", "sent_at")]
    [InlineData("", "message")]
    [InlineData("", "id_lead")]
    public void Normalize_WhenAssumedFieldHasAnotherType_AcceptsWithoutIt(string parent, string field)
    {
        var body = Bodies.Edit(LinkedIn, root =>
        {
            var payload = root.At("payload");
            (parent.Length == 0 ? payload : payload.At(parent))[field] = new JsonArray(1, 2);
        });

        var e = _normalizer.Normalize(body).SingleEvent();

        Assert.Equal(BreakcoldExpectations.LenaKey, LeadKey.From(e.Lead));
    }

    [Fact]
    public void Normalize_WhenLeadHasNoUsableIdentity_IgnoresItNamingFieldsLookedAt_BecauseBreakcoldDoesNotRetry()
    {
        var result = _normalizer.Normalize(Bodies.Edit("breakcold/15-lead.status.update-no-identity.json", root => root.At("payload").Remove("id")));

        Assert.False(result.IsRejected);
        Assert.Equal("no usable lead identity in payload.email, payload.linkedin_url, payload.phone, payload.id; kept for replay", result.IgnoredReason);
    }

    [Fact]
    public void Normalize_WhenLeadHasOnlyBreakcoldsId_KeysTheLeadByIt()
    {
        var result = _normalizer.NormalizeFixture("breakcold/15-lead.status.update-no-identity.json");

        Assert.Equal("breakcold:lead:a7b8c9d0-1e2f-4a3b-9c4d-5e6f7a8b9c0d", Assert.Single(result.Leads).ArrivedAs);
    }

    [Theory]
    [InlineData(LinkedIn)]
    [InlineData(Reply)]
    [InlineData("breakcold/11-lead.task.create-phone-only.json")]
    public void Normalize_WhenActivityHasNoLeadAndNoLeadId_IgnoresIt(string fixture)
    {
        var result = _normalizer.Normalize(Bodies.Edit(fixture, root =>
        {
            root.At("payload").Remove("lead");
            root.At("payload").Remove("id_lead");
        }));

        Assert.Equal("no usable lead identity in payload.lead (absent), payload.id_lead; kept for replay", result.IgnoredReason);
    }

    [Theory]
    [InlineData(LinkedIn)]
    [InlineData(Reply)]
    [InlineData("breakcold/11-lead.task.create-phone-only.json")]
    public void Normalize_WhenActivityHasOnlyTheLeadsId_KeysTheLeadByIt_WithTheSameEventId(string fixture)
    {
        var complete = _normalizer.NormalizeFixture(fixture);
        var result = _normalizer.Normalize(Bodies.Edit(fixture, root => root.At("payload").Remove("lead")));

        var leadId = Assert.Single(result.Leads).ArrivedAs;
        Assert.StartsWith("breakcold:lead:", leadId, StringComparison.Ordinal);
        Assert.Equal(complete.SingleEvent().EventId, result.SingleEvent().EventId);
    }
}
