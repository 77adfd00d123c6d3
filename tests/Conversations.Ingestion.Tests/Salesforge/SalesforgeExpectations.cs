using Conversations.Abstractions.Events;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Salesforge;

/// <summary>What each Salesforge fixture and seed sample must normalize to.</summary>
internal static class SalesforgeExpectations
{
    private const string Hanna = "email:hanna.berg@fabrikam.example";
    private const string FirstEmail = "0a1b2c3d-0001@mail.outreach.example";
    private const string HannasReply = "9z8y7x-0002@mail.fabrikam.example";
    private const string DemoSequence = "salesforge:seq_q4demo01";

    private const string Bill = "email:bill@microsoft.example";
    private const string SeedEmail = "email-001@sf.salesforge.example";
    private const string SeedSequence = "salesforge:seq_verfvuynadkes5l1l0gdw";
    private const string SeedSequenceText =
        "Hi Bill, I hope you're doing well. I wanted to reach out to you to see if you're interested in selling more computers.";
    private const string SeedReplyText =
        "Hi Frank, I'm interested in selling more computers. Can you send me more information?";

    public static IReadOnlyDictionary<string, FixtureOutcome> ByFixture { get; } = new Dictionary<string, FixtureOutcome>
    {
        ["salesforge/01-email_sent.json"] = Accepted(
            HannaEvent(EventKind.Sent, Direction.Outbound, "2026-09-14T09:00:00+02:00") with
            {
                MessageId = FirstEmail,
                Subject = "Idea for Fabrikam",
                Text = "Hi Hanna, would a short call next week make sense?",
            }),
        ["salesforge/02-email_opened.json"] = Accepted(
            HannaEvent(EventKind.Opened, Direction.Inbound, "2026-09-14T09:12:41+02:00") with { MessageId = FirstEmail }),
        ["salesforge/03-email_opened-duplicate-delivery.json"] = Accepted(
            HannaEvent(EventKind.Opened, Direction.Inbound, "2026-09-14T09:12:41+02:00") with { MessageId = FirstEmail }),
        ["salesforge/04-link_clicked-labelled-email_bounced.json"] = Accepted(
            HannaEvent(EventKind.Clicked, Direction.Inbound, "2026-09-14T09:14:03+02:00") with
            {
                MessageId = FirstEmail,
                Url = "https://outreach.example/case-study",
            }),
        ["salesforge/05-email_replied.json"] = Accepted(
            HannaEvent(EventKind.Replied, Direction.Inbound, "2026-09-14T10:02:10+02:00") with
            {
                MessageId = HannasReply,
                Subject = "Re: Idea for Fabrikam",
                Text = "Hi Tom, yes, Tuesday afternoon works for me.",
            }),
        ["salesforge/06-positive_reply-same-reply.json"] = Accepted(
            HannaEvent(EventKind.ReplyClassified, Direction.Inbound, "2026-09-14T10:02:30+02:00") with
            {
                CampaignKey = null,
                CampaignName = null,
                MessageId = HannasReply,
                Subject = "Re: Idea for Fabrikam",
                Text = "Hi Tom, yes, Tuesday afternoon works for me.",
                Sentiment = ReplySentiment.Positive,
            }),
        ["salesforge/07-email_opened-late-arrival-earlier-time.json"] = Accepted(
            HannaEvent(EventKind.Opened, Direction.Inbound, "2026-09-14T08:59:59Z") with
            {
                MessageId = "0a1b2c3d-0000@mail.outreach.example",
            }),
        ["salesforge/08-email_sent-email-case-and-spaces.json"] = Accepted(
            JonasEvent(EventKind.Sent, Direction.Outbound, "2026-09-15T07:30:00Z") with
            {
                Subject = "Idea for Fabrikam",
                Text = "Hi Hanna, would a short call next week make sense?",
            }),
        ["salesforge/09-email_bounced.json"] = Accepted(JonasEvent(EventKind.Bounced, Direction.None, "2026-09-15T07:31:12Z")),
        ["salesforge/10-unsubscribed-labelled-email_bounced.json"] = Accepted(
            HannaEvent(EventKind.Unsubscribed, Direction.Inbound, "2026-09-16T12:00:00+02:00") with { MessageId = FirstEmail }),
        ["salesforge/11-negative_reply.json"] = Accepted(
            HannaEvent(EventKind.ReplyClassified, Direction.Inbound, "2026-09-17T15:40:00+02:00") with
            {
                CampaignKey = null,
                CampaignName = null,
                MessageId = "9z8y7x-0003@mail.fabrikam.example",
                Subject = "Re: Idea for Fabrikam",
                Text = "Please remove me from your list.",
                Sentiment = ReplySentiment.Negative,
            }),
        ["salesforge/12-linkedin_replied.json"] = Accepted(
            HannaEvent(EventKind.Replied, Direction.Inbound, "2026-09-18T08:05:00Z") with
            {
                Channel = Channel.LinkedIn,
                LinkedInPublicId = "hanna-berg-fab",
                Text = "Thanks Tom, happy to chat. Send me a few slots?",
            }),
        ["salesforge/13-unknown-type.json"] = FixtureOutcome.Ignored("unsupported salesforge event type 'email_scheduled'"),
        // No email, but Salesforge's contact id: the lead is that contact, never the recipient of the email.
        ["salesforge/14-missing-contact-email.json"] = Accepted(
            EventShape.Create(EventKind.Opened, Channel.Email, Direction.Inbound, "2026-09-18T09:00:00Z", "salesforge:contact:lead_x") with
            {
                FirstName = "No",
                LastName = "Mail",
                ProviderLeadId = "lead_x",
                CampaignKey = DemoSequence,
                CampaignName = "Q4 Demo Sequence",
                MessageId = FirstEmail,
            }),

        ["salesforge/seed-email_sent.json"] = Accepted(
            BillEvent(EventKind.Sent, Direction.Outbound, "2023-12-06T16:03:31+02:00") with
            {
                Subject = "More sales in Q4?",
                Text = SeedSequenceText,
            }),
        ["salesforge/seed-email_opened.json"] = Accepted(BillEvent(EventKind.Opened, Direction.Inbound, "2023-12-06T16:00:38+02:00")),
        // Labelled email_bounced by the document, and its link is empty.
        ["salesforge/seed-link_clicked.json"] = Accepted(BillEvent(EventKind.Clicked, Direction.Inbound, "2023-12-06T16:04:22+02:00")),
        ["salesforge/seed-unsubscribed.json"] = Accepted(BillEvent(EventKind.Unsubscribed, Direction.Inbound, "2023-12-06T16:06:47+02:00")),
        ["salesforge/seed-email_bounced.json"] = Accepted(BillEvent(EventKind.Bounced, Direction.None, "2023-12-06T16:09:12+02:00")),
        ["salesforge/seed-email_replied.json"] = Accepted(
            BillEvent(EventKind.Replied, Direction.Inbound, "2023-12-06T16:18:22+02:00") with
            {
                MessageId = "reply-001@mail.microsoft.example",
                Subject = "Re: More sales in Q4?",
                Text = SeedReplyText,
            }),
        ["salesforge/seed-positive_reply.json"] = Accepted(
            BillEvent(EventKind.ReplyClassified, Direction.Inbound, "2024-02-25T09:43:55+02:00") with
            {
                CampaignKey = null,
                CampaignName = null,
                MessageId = "reply-001@mail.microsoft.example",
                Subject = "Re: More sales in Q4?",
                Text = SeedReplyText,
                Sentiment = ReplySentiment.Positive,
            }),
        ["salesforge/seed-negative_reply.json"] = Accepted(
            BillEvent(EventKind.ReplyClassified, Direction.Inbound, "2024-02-25T09:43:55+02:00") with
            {
                CampaignKey = null,
                CampaignName = null,
                MessageId = "reply-002@mail.microsoft.example",
                Subject = "Re: More sales in Q4?",
                Text = SeedReplyText,
                Sentiment = ReplySentiment.Negative,
            }),
        ["salesforge/seed-linkedin_replied.json"] = Accepted(
            EventShape.Create(EventKind.Replied, Channel.LinkedIn, Direction.Inbound, "2024-11-28T12:58:30Z", "email:john.doe@techcorp.example") with
            {
                LinkedInPublicId = "johndoe",
                FirstName = "John",
                LastName = "Doe",
                Company = "Tech Corp",
                ProviderLeadId = "lead_789",
                CampaignKey = "salesforge:seq_456",
                CampaignName = "Q4 Outreach Campaign",
                Text = SeedReplyText,
            }),
    };

    private static FixtureOutcome Accepted(EventShape shape) => FixtureOutcome.Accepted(shape);

    private static EventShape HannaEvent(EventKind kind, Direction direction, string occurredAt) =>
        EventShape.Create(kind, Channel.Email, direction, occurredAt, Hanna) with
        {
            FirstName = "Hanna",
            LastName = "Berg",
            Company = "Fabrikam",
            ProviderLeadId = "lead_k2m9x7q1",
            CampaignKey = DemoSequence,
            CampaignName = "Q4 Demo Sequence",
        };

    private static EventShape JonasEvent(EventKind kind, Direction direction, string occurredAt) =>
        EventShape.Create(kind, Channel.Email, direction, occurredAt, "email:jonas.weber@contoso.example") with
        {
            FirstName = "Jonas",
            LastName = "Weber",
            Company = "Contoso",
            ProviderLeadId = "lead_p0q9r8",
            CampaignKey = DemoSequence,
            CampaignName = "Q4 Demo Sequence",
            MessageId = "0a1b2c3d-0101@mail.outreach.example",
        };

    private static EventShape BillEvent(EventKind kind, Direction direction, string occurredAt) =>
        EventShape.Create(kind, Channel.Email, direction, occurredAt, Bill) with
        {
            FirstName = "Bill",
            LastName = "Gates",
            Company = "Microsoft",
            ProviderLeadId = "lead_mmxtxqo4920f4ohkwgid4",
            CampaignKey = SeedSequence,
            CampaignName = "Salesforge Sequence",
            MessageId = SeedEmail,
        };
}
