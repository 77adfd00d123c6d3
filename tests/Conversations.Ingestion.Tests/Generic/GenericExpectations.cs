using Conversations.Abstractions.Events;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Generic;

/// <summary>What each generic fixture must normalize to.</summary>
internal static class GenericExpectations
{
    private const string Dana = "email:dana.scully@contoso.example";
    private const string AcmeCampaign = "generic:acme-crm:cmp_77";
    private const string AcmeCampaignName = "Q4 - Healthcare CTOs";
    private const string FirstEmail = "<CAF1x9.first@mail.acme.example>";
    private const string ReplyEmail = "<CAF1x9.reply@mail.contoso.example>";
    private const string ReplyText = "Hi, thanks for reaching out. Can we talk Thursday?";

    /// <summary>Fixtures that give one event or a rejection.</summary>
    public static IReadOnlyDictionary<string, FixtureOutcome> Single { get; } = new Dictionary<string, FixtureOutcome>
    {
        ["generic/01-replied.json"] = FixtureOutcome.Accepted(DanaReply),
        ["generic/03-message-linkedin-only-percent-encoded.json"] = FixtureOutcome.Accepted(
            EventShape.Create(EventKind.Message, Channel.LinkedIn, Direction.Inbound, "2026-09-23T16:30:00+02:00", "linkedin:jürgen-müller-4a") with
            {
                LinkedInPublicId = "jürgen-müller-4a",
                FirstName = "Jürgen",
                LastName = "Müller",
                Company = "Tailwind Traders",
                MessageId = "2-ABCDEF9000",
                Text = "Danke, klingt interessant!",
            }),
        ["generic/04-replied-redelivered.json"] = FixtureOutcome.Accepted(DanaReply),
        ["generic/05-message-whatsapp-phone-only-outbound.json"] = FixtureOutcome.Accepted(
            EventShape.Create(EventKind.Message, Channel.WhatsApp, Direction.Outbound, "2026-09-24T08:15:00+02:00", "phone:+31612345678") with
            {
                OccurredAtUtc = new DateTime(2026, 9, 24, 6, 15, 0, 250, DateTimeKind.Utc),
                Phone = "+31612345678",
                FirstName = "Pieter",
                Text = "Goedemorgen Pieter, here are the slides we discussed.",
            }),
        ["generic/06-lead_updated-minimal.json"] = FixtureOutcome.Accepted(
            EventShape.Create(EventKind.LeadUpdated, Channel.Crm, Direction.None, "2026-09-25T10:00:00Z", "email:ops@fabrikam.example")),
        ["generic/07-unknown-kind.json"] = FixtureOutcome.Rejected(NormalizationErrorKind.InvalidPayload),
        ["generic/08-no-lead-identity.json"] = FixtureOutcome.Rejected(NormalizationErrorKind.NoLeadIdentity),
        // The usable event of the batch; the other one is reported, not stored (see GenericBatchTests).
        ["generic/09-batch-one-bad-event.json"] = FixtureOutcome.Accepted(
            EventShape.Create(EventKind.Sent, Channel.Sms, Direction.Outbound, "2026-09-26T11:00:00Z", "phone:+34600123456") with
            {
                Phone = "+34600123456",
                Text = "Hi Sofia, quick reminder about tomorrow.",
            }),
        ["generic/10-occurredAt-without-offset.json"] = FixtureOutcome.Rejected(NormalizationErrorKind.InvalidPayload),
        ["generic/11-bounced-integer-ids-nanoseconds.json"] = FixtureOutcome.Accepted(
            EventShape.Create(EventKind.Bounced, Channel.Email, Direction.None, "2026-09-27T06:30:00Z", "email:nosuchuser@fabrikam.example") with
            {
                // Nine fractional digits are read to the 100 ns tick.
                OccurredAtUtc = new DateTime(2026, 9, 27, 6, 30, 0, DateTimeKind.Utc).AddTicks(1_234_567),
                ProviderLeadId = "mailer-9:4411",
                CampaignKey = "generic:mailer-9:2207",
                MessageId = "77001",
            }),
        ["generic/12-replied-same-id-other-source.json"] = FixtureOutcome.Accepted(
            EventShape.Create(EventKind.Replied, Channel.Email, Direction.Inbound, "2026-09-22T14:05:31+02:00", Dana) with
            {
                CampaignKey = "generic:other-tool:cmp_77",
                Text = ReplyText,
            }),
        ["generic/13-replied-lead-id-only.json"] = FixtureOutcome.Accepted(
            EventShape.Create(EventKind.Replied, Channel.Email, Direction.Inbound, "2026-09-22T15:00:00Z", "generic:acme-crm:ld_4471") with
            {
                FirstName = "Dana",
                ProviderLeadId = "acme-crm:ld_4471",
                Text = "Yes please.",
            }),
    };

    /// <summary>Batch fixtures that are accepted, with their events in order.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<EventShape>> Batches { get; } = new Dictionary<string, IReadOnlyList<EventShape>>
    {
        ["generic/02-batch.json"] =
        [
            EventShape.Create(EventKind.Sent, Channel.Email, Direction.Outbound, "2026-09-21T09:00:00Z", Dana) with
            {
                FirstName = "Dana",
                ProviderLeadId = "acme-crm:ld_4471",
                CampaignKey = AcmeCampaign,
                CampaignName = AcmeCampaignName,
                MessageId = FirstEmail,
                Subject = "Quick question about your data pipeline",
                Text = "Hi Dana, ...",
            },
            EventShape.Create(EventKind.Opened, Channel.Email, Direction.Inbound, "2026-09-21T09:42:10Z", Dana) with
            {
                CampaignKey = AcmeCampaign,
                MessageId = FirstEmail,
            },
            EventShape.Create(EventKind.Clicked, Channel.Email, Direction.Inbound, "2026-09-21T09:43:02Z", Dana) with
            {
                CampaignKey = AcmeCampaign,
                MessageId = FirstEmail,
                Url = "https://acme.example/pipeline-demo?utm_source=email",
            },
            EventShape.Create(EventKind.ReplyClassified, Channel.Email, Direction.Inbound, "2026-09-22T12:06:00Z", Dana) with
            {
                CampaignKey = AcmeCampaign,
                MessageId = ReplyEmail,
                Sentiment = ReplySentiment.Positive,
            },
        ],
    };

    private static EventShape DanaReply =>
        EventShape.Create(EventKind.Replied, Channel.Email, Direction.Inbound, "2026-09-22T14:05:31+02:00", Dana) with
        {
            LinkedInPublicId = "dana-scully-7",
            Phone = "+15550100199",
            FirstName = "Dana",
            LastName = "Scully",
            Company = "Contoso",
            ProviderLeadId = "acme-crm:ld_4471",
            CampaignKey = AcmeCampaign,
            CampaignName = AcmeCampaignName,
            MessageId = ReplyEmail,
            Subject = "Re: Quick question about your data pipeline",
            Text = ReplyText,
        };
}
