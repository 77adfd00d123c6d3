using System.Text.Json.Nodes;
using Conversations.Ingestion.Generic;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Generic;

public sealed class GenericRejectionTests
{
    private const string Replied = "generic/01-replied.json";
    private const string Kinds = "sent, opened, clicked, replied, reply_classified, bounced, unsubscribed, message, status_updated, lead_created, lead_updated, lead_deleted";
    private const string Channels = "email, linkedin, chat, whatsapp, sms, twitter, crm";
    private const string SourceRule = "source must be 1 to 40 characters from a-z, 0-9 and '-'";

    private readonly GenericNormalizer _normalizer = new();

    [Theory]
    [InlineData("id", "id is missing")]
    [InlineData("kind", $"kind is missing (one of: {Kinds})")]
    [InlineData("channel", $"channel is missing (one of: {Channels})")]
    [InlineData("source", "source is missing")]
    [InlineData("occurredAt", "occurredAt is missing")]
    public void Normalize_WhenRequiredFieldMissing_RejectsNamingIt(string field, string detail)
    {
        AssertInvalid(Bodies.Edit(Replied, root => root.Remove(field)), detail);
        AssertInvalid(Bodies.Edit(Replied, root => root[field] = null), detail);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Normalize_WhenIdBlank_RejectsAsMissing(string id) =>
        AssertInvalid(Bodies.Edit(Replied, root => root["id"] = id), "id is missing");

    [Fact]
    public void Normalize_WhenIdLongerThan256_Rejects() =>
        AssertInvalid(Bodies.Edit(Replied, root => root["id"] = new string('x', 257)), "id is longer than 256 characters");

    [Theory]
    [InlineData("meeting_booked")]
    [InlineData("Replied")]
    [InlineData("REPLIED")]
    [InlineData(" replied")]
    [InlineData("replyClassified")]
    [InlineData("")]
    public void Normalize_WhenKindUnknown_RejectsListingTheKinds(string kind) =>
        AssertInvalid(Bodies.Edit(Replied, root => root["kind"] = kind), $"kind is not one of: {Kinds}");

    [Fact]
    public void Normalize_UnknownKindFixture_RejectsWithoutEchoingTheValue()
    {
        var error = _normalizer.NormalizeFixture("generic/07-unknown-kind.json").AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal($"kind is not one of: {Kinds}", error.Detail);
        Assert.DoesNotContain("meeting_booked", error.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("fax")]
    [InlineData("LinkedIn")]
    [InlineData("linked_in")]
    public void Normalize_WhenChannelUnknown_RejectsListingTheChannels(string channel) =>
        AssertInvalid(Bodies.Edit(Replied, root => root["channel"] = channel), $"channel is not one of: {Channels}");

    [Theory]
    [InlineData("")]
    [InlineData("Acme")]
    [InlineData("acme crm")]
    [InlineData("acme_crm")]
    [InlineData("acme.crm")]
    [InlineData(" acme")]
    [InlineData("ácme")]
    [InlineData("a23456789012345678901234567890123456789012")]
    public void Normalize_WhenSourceNotLowerCaseSlug_Rejects(string source) =>
        AssertInvalid(Bodies.Edit(Replied, root => root["source"] = source), SourceRule);

    [Theory]
    [InlineData("a")]
    [InlineData("0-9")]
    [InlineData("a234567890123456789012345678901234567890")]
    public void Normalize_WhenSourceIsSlugOfOneTo40_Accepts(string source) =>
        _normalizer.Normalize(Bodies.Edit(Replied, root => root["source"] = source)).SingleEvent();

    [Theory]
    [InlineData("2026-09-22 12:05:31Z", "occurredAt is not an ISO 8601 time")]
    [InlineData("22/09/2026", "occurredAt is not an ISO 8601 time")]
    [InlineData("2026-09-22T12:05:31", "occurredAt has no UTC offset: end it with Z or +hh:mm")]
    [InlineData("2026-09-22T12:05:31.123", "occurredAt has no UTC offset: end it with Z or +hh:mm")]
    [InlineData("1999-12-31T23:59:59Z", "occurredAt is before 2000-01-01")]
    [InlineData("2026-10-03T00:00:00Z", "occurredAt is more than a day after the delivery was received")]
    public void Normalize_WhenOccurredAtUnusable_RejectsNamingIt(string occurredAt, string detail) =>
        AssertInvalid(Bodies.Edit(Replied, root => root["occurredAt"] = occurredAt), detail);

    [Fact]
    public void Normalize_OccurredAtWithoutOffsetFixture_Rejects()
    {
        var error = _normalizer.NormalizeFixture("generic/10-occurredAt-without-offset.json").AssertRejected(NormalizationErrorKind.InvalidPayload);

        Assert.Equal("occurredAt has no UTC offset: end it with Z or +hh:mm", error.Detail);
    }

    [Theory]
    [InlineData("in")]
    [InlineData("Inbound")]
    [InlineData("both")]
    public void Normalize_WhenDirectionUnknown_Rejects(string direction) =>
        AssertInvalid(Bodies.Edit(Replied, root => root["direction"] = direction), "direction is not one of: inbound, outbound, none");

    [Fact]
    public void Normalize_WhenMessageHasNoDirection_Rejects() =>
        AssertInvalid(
            Bodies.Edit(Replied, root =>
            {
                root["kind"] = "message";
                root.Remove("direction");
            }),
            "direction is required when kind is message (one of: inbound, outbound, none)");

    [Fact]
    public void Normalize_WhenSentimentUnknown_Rejects() =>
        AssertInvalid(Bodies.Edit(Replied, root => root["sentiment"] = "interested"), "sentiment is not one of: positive, negative, neutral");

    [Fact]
    public void Normalize_WhenReplyClassifiedHasNoSentiment_Rejects() =>
        AssertInvalid(
            Bodies.Edit(Replied, root => root["kind"] = "reply_classified"),
            "sentiment is required when kind is reply_classified (one of: positive, negative, neutral)");

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Normalize_WhenCampaignHasNoId_Rejects(string? id) =>
        AssertInvalid(Bodies.Edit(Replied, root => root["campaign"]!["id"] = id), "campaign.id is missing");

    [Theory]
    [InlineData("", "id", "id is not a string or an integer")]
    [InlineData("", "kind", "kind is not a string")]
    [InlineData("", "channel", "channel is not a string")]
    [InlineData("", "source", "source is not a string")]
    [InlineData("", "occurredAt", "occurredAt is not a string")]
    [InlineData("", "direction", "direction is not a string")]
    [InlineData("", "sentiment", "sentiment is not a string")]
    [InlineData("", "lead", "lead is not an object")]
    [InlineData("", "campaign", "campaign is not an object")]
    [InlineData("", "messageId", "messageId is not a string or an integer")]
    [InlineData("", "subject", "subject is not a string")]
    [InlineData("", "text", "text is not a string")]
    [InlineData("", "url", "url is not a string")]
    [InlineData("lead", "email", "lead.email is not a string")]
    [InlineData("lead", "linkedin", "lead.linkedin is not a string")]
    [InlineData("lead", "phone", "lead.phone is not a string")]
    [InlineData("lead", "firstName", "lead.firstName is not a string")]
    [InlineData("lead", "id", "lead.id is not a string or an integer")]
    [InlineData("campaign", "id", "campaign.id is not a string or an integer")]
    [InlineData("campaign", "name", "campaign.name is not a string")]
    public void Normalize_WhenFieldHasWrongType_RejectsNamingIt(string parent, string field, string detail) =>
        AssertInvalid(
            Bodies.Edit(Replied, root => (parent.Length == 0 ? root : root.At(parent))[field] = JsonValue.Create(1.5)),
            detail);

    [Fact]
    public void Normalize_WhenLeadMissing_RejectsAsNoLeadIdentity()
    {
        var error = _normalizer.Normalize(Bodies.Edit(Replied, root => root.Remove("lead"))).AssertRejected(NormalizationErrorKind.NoLeadIdentity);

        Assert.Equal("no usable lead identity in lead.email, lead.linkedin, lead.phone, lead.id", error.Detail);
    }

    [Fact]
    public void Normalize_WhenNoIdentifierUsable_RejectsAsNoLeadIdentity()
    {
        var error = _normalizer.NormalizeFixture("generic/08-no-lead-identity.json").AssertRejected(NormalizationErrorKind.NoLeadIdentity);

        Assert.Equal("no usable lead identity in lead.email, lead.linkedin, lead.phone, lead.id", error.Detail);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("N/A")]
    [InlineData("  ")]
    public void Normalize_WhenTheLeadIdIsAPlaceholder_RejectsAsNoLeadIdentity(string id) =>
        _normalizer.Normalize(Bodies.Edit("generic/13-replied-lead-id-only.json", root => root.At("lead")["id"] = id))
            .AssertRejected(NormalizationErrorKind.NoLeadIdentity);

    [Fact]
    public void Normalize_WhenFieldInvalidAndNoIdentity_ReportsTheInvalidField()
    {
        var body = Bodies.Edit(Replied, root =>
        {
            root.Remove("lead");
            root["subject"] = 5;
        });

        AssertInvalid(body, "subject is not a string");
    }

    private NormalizationError AssertInvalid(byte[] body, string detail)
    {
        var error = _normalizer.Normalize(body).AssertRejected(NormalizationErrorKind.InvalidPayload);
        Assert.Equal(detail, error.Detail);
        return error;
    }
}
