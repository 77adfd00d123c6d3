using Conversations.Abstractions.Events;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Breakcold;

/// <summary>What each Breakcold fixture must normalize to.</summary>
internal static class BreakcoldExpectations
{
    public const string LenaKey = "email:lena.fischer@northwind.example";
    public const string LenaId = "a7b8c9d0-1e2f-4a3b-9c4d-5e6f7a8b9c0d";
    private const string OpsCampaign = "breakcold:cmp-55aa";
    private const string OpsCampaignName = "Ops leaders DACH";

    public static IReadOnlyDictionary<string, FixtureOutcome> ByFixture { get; } = new Dictionary<string, FixtureOutcome>
    {
        ["breakcold/01-lead.create.json"] = Accepted(Lena(EventKind.LeadCreated, Channel.Crm, Direction.None, "2026-09-01T08:00:00Z")),
        ["breakcold/02-lead.update.json"] = Accepted(Lena(EventKind.LeadUpdated, Channel.Crm, Direction.None, "2026-09-02T09:00:00Z")),
        ["breakcold/03-lead.status.update.json"] = Accepted(
            Lena(EventKind.StatusUpdated, Channel.Crm, Direction.None, "2026-09-03T10:00:00Z") with { Text = "status: Qualified" }),
        ["breakcold/04-lead.linkedin.new.json"] = Accepted(
            Lena(EventKind.Message, Channel.LinkedIn, Direction.Inbound, "2026-09-04T11:00:00Z") with
            {
                MessageId = "li-msg-001",
                Text = "Sounds good, let's set up a call.",
            }),
        ["breakcold/05-campaign.email.reply.json"] = Accepted(
            Lena(EventKind.Replied, Channel.Email, Direction.Inbound, "2026-09-05T07:45:00Z") with
            {
                CampaignKey = OpsCampaign,
                CampaignName = OpsCampaignName,
                MessageId = "em-reply-001",
                Subject = "Re: Ops in Q1",
                Text = "Interested, please send pricing.",
            }),
        ["breakcold/06-campaign.email.open.json"] = Accepted(
            Lena(EventKind.Opened, Channel.Email, Direction.Inbound, "2026-09-05T07:30:00Z") with
            {
                CampaignKey = OpsCampaign,
                CampaignName = OpsCampaignName,
            }),
        ["breakcold/07-lead.delete.json"] = Accepted(Lena(EventKind.LeadDeleted, Channel.Crm, Direction.None, "2026-09-06T08:00:00Z")),
        ["breakcold/08-tag.create-no-lead.json"] = FixtureOutcome.Ignored("breakcold workspace event 'tag.create' recorded, no lead"),
        // The secret is the verifier's business, which refuses this delivery before it is parsed. With no
        // updated_at, the lead's created_at is the only time the update carries.
        ["breakcold/09-wrong-secret.json"] = Accepted(Lena(EventKind.LeadUpdated, Channel.Crm, Direction.None, "2026-09-01T08:00:00Z")),
        ["breakcold/10-lead.email.new-sent-by-us.json"] = Accepted(
            Lena(EventKind.Message, Channel.Email, Direction.Outbound, "2026-09-05T09:15:00Z") with
            {
                MessageId = "em-msg-010",
                Subject = "Pricing for Northwind",
                Text = "Hi Lena, attached is our pricing.",
            }),
        ["breakcold/11-lead.task.create-phone-only.json"] = Accepted(
            EventShape.Create(EventKind.LeadUpdated, Channel.Crm, Direction.None, "2026-09-07T14:30:00Z", "phone:+493012345678") with
            {
                Phone = "+493012345678",
                FirstName = "Jonas",
                LastName = "Weber",
                Company = "Contoso",
                ProviderLeadId = "b1c2d3e4-5f60-4a7b-8c9d-0e1f2a3b4c5d",
                Text = "task created: Call Jonas about the pilot",
            }),
        ["breakcold/12-campaign.email.click-linkedin-only.json"] = Accepted(
            EventShape.Create(EventKind.Clicked, Channel.Email, Direction.Inbound, "2026-09-08T16:20:00+02:00", "linkedin:marta-nowak-77") with
            {
                LinkedInPublicId = "marta-nowak-77",
                FirstName = "Marta",
                LastName = "Nowak",
                Company = "Fabrikam",
                ProviderLeadId = "c2d3e4f5-6a7b-4c8d-9e0f-1a2b3c4d5e6f",
                CampaignKey = "breakcold:cmp-77bb",
                CampaignName = "Sales VPs PL",
                MessageId = "em-sent-120",
                Url = "https://northwind.example/case-study",
            }),
        ["breakcold/13-unknown-event.json"] = FixtureOutcome.Ignored("unsupported breakcold event 'lead.enrichment.complete'"),
        // No time anywhere: the receive time stands in (Delivery.ReceivedAt).
        ["breakcold/14-campaign.email.sent-no-time.json"] = Accepted(
            Lena(EventKind.Sent, Channel.Email, Direction.Outbound, "2026-10-01T00:00:00Z") with
            {
                CampaignKey = OpsCampaign,
                CampaignName = OpsCampaignName,
                MessageId = "em-sent-140",
                Subject = "Ops in Q1",
                Text = "Hi Lena, a quick idea for Q1.",
            }),
        // No email, LinkedIn profile or usable phone: keyed by Breakcold's own lead id.
        ["breakcold/seed-lead.create.json"] = Accepted(
            EventShape.Create(EventKind.LeadCreated, Channel.Crm, Direction.None, "2023-04-29T11:13:55Z", "breakcold:lead:e106db1f-aba3-40ba-97a7-507b54757ef8") with
            {
                OccurredAtUtc = new DateTime(2023, 4, 29, 11, 13, 55, 21, DateTimeKind.Utc),
                FirstName = "Jean",
                LastName = "remove",
                ProviderLeadId = "e106db1f-aba3-40ba-97a7-507b54757ef8",
            }),
        ["breakcold/15-lead.status.update-no-identity.json"] = Accepted(
            EventShape.Create(EventKind.StatusUpdated, Channel.Crm, Direction.None, "2026-09-09T08:00:00Z", "breakcold:lead:" + LenaId) with
            {
                FirstName = "Lena",
                LastName = "Fischer",
                Company = "Northwind",
                ProviderLeadId = LenaId,
                Text = "status: Lost",
            }),
    };

    private static FixtureOutcome Accepted(EventShape shape) => FixtureOutcome.Accepted(shape);

    private static EventShape Lena(EventKind kind, Channel channel, Direction direction, string occurredAt) =>
        EventShape.Create(kind, channel, direction, occurredAt, LenaKey) with
        {
            LinkedInPublicId = "lena-fischer-nw",
            FirstName = "Lena",
            LastName = "Fischer",
            Company = "Northwind",
            ProviderLeadId = LenaId,
        };
}
