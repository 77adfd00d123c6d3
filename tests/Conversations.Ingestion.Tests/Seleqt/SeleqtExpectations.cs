using Conversations.Abstractions.Events;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Seleqt;

/// <summary>What each Seleqt fixture and seed sample must normalize to.</summary>
internal static class SeleqtExpectations
{
    private const string RetailCampaign = "seleqt:2207";
    private const string RetailCampaignName = "LinkedIn - Retail VPs";

    public static IReadOnlyDictionary<string, FixtureOutcome> ByFixture { get; } = new Dictionary<string, FixtureOutcome>
    {
        ["seleqt/01-incoming_message.json"] = Accepted(
            SofiaMessage(Direction.Inbound, "2026-09-18T10:00:00Z") with
            {
                MessageId = "2-ABCDEF1234",
                Text = "Hi! Yes, I saw your email too. Let's talk.",
            }),
        ["seleqt/02-incoming_message-duplicate.json"] = Accepted(
            SofiaMessage(Direction.Inbound, "2026-09-18T10:00:00Z") with
            {
                MessageId = "2-ABCDEF1234",
                Text = "Hi! Yes, I saw your email too. Let's talk.",
            }),
        ["seleqt/03-no-email-linkedin-only.json"] = Accepted(
            PieterMessage("2026-09-18T11:00:00Z") with { MessageId = "2-ABCDEF1235", Text = "Who are you?" }),
        ["seleqt/04-url-variant-http-no-www.json"] = Accepted(
            PieterMessage("2026-09-18T11:05:00Z") with { MessageId = "2-ABCDEF1236", Text = "Any follow-up?" }),
        ["seleqt/05-url-percent-encoded-unicode.json"] = Accepted(
            Message(Direction.Inbound, "2026-09-18T12:00:00Z", "linkedin:jürgen-müller-4a") with
            {
                LinkedInPublicId = "jürgen-müller-4a",
                FirstName = "Jürgen",
                LastName = "Müller",
                Company = "Tailwind Traders",
                ProviderLeadId = "4413",
                CampaignKey = RetailCampaign,
                CampaignName = RetailCampaignName,
                MessageId = "2-ABCDEF1237",
                Text = "Danke!",
            }),
        ["seleqt/06-sent-by-us.json"] = Accepted(
            SofiaMessage(Direction.Outbound, "2026-09-18T10:10:00Z") with
            {
                MessageId = "2-ABCDEF1238",
                Text = "Thanks Sofia, sending times now.",
            }),
        ["seleqt/07-nulls-everywhere.json"] = Accepted(
            Message(Direction.Inbound, "2026-09-18T13:00:00Z", "linkedin:anon-7") with
            {
                LinkedInPublicId = "anon-7",
                ProviderLeadId = "9",
                MessageId = "2-ABCDEF1239",
            }),
        ["seleqt/08-other-event.json"] = FixtureOutcome.Ignored("unsupported seleqt event 'connection_accepted'"),
        ["seleqt/seed-incoming_message.json"] = Accepted(
            Message(Direction.Inbound, "2025-06-09T11:22:33Z", "email:alex@example.com") with
            {
                LinkedInPublicId = "alex-doe",
                Phone = "+15550100",
                FirstName = "Alex",
                LastName = "Doe",
                Company = "Acme Inc",
                ProviderLeadId = "789",
                CampaignKey = "seleqt:456",
                CampaignName = "Outbound - SaaS founders",
                MessageId = "abc123",
                Text = "Hello there",
            }),
    };

    private static FixtureOutcome Accepted(EventShape shape) => FixtureOutcome.Accepted(shape);

    private static EventShape Message(Direction direction, string occurredAt, string leadKey) =>
        EventShape.Create(EventKind.Message, Channel.LinkedIn, direction, occurredAt, leadKey);

    private static EventShape SofiaMessage(Direction direction, string occurredAt) =>
        Message(direction, occurredAt, "email:sofia@tailwind.example") with
        {
            LinkedInPublicId = "sofia-marquez-21",
            Phone = "+34600123456",
            FirstName = "Sofia",
            LastName = "Marquez",
            Company = "Tailwind Traders",
            ProviderLeadId = "4411",
            CampaignKey = RetailCampaign,
            CampaignName = RetailCampaignName,
        };

    private static EventShape PieterMessage(string occurredAt) =>
        Message(Direction.Inbound, occurredAt, "linkedin:pieter-de-vries-9") with
        {
            LinkedInPublicId = "pieter-de-vries-9",
            FirstName = "Pieter",
            LastName = "de Vries",
            Company = "Tailwind Traders",
            ProviderLeadId = "4412",
            CampaignKey = RetailCampaign,
            CampaignName = RetailCampaignName,
        };
}
