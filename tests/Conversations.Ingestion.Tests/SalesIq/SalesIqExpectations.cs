using Conversations.Abstractions.Events;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.SalesIq;

/// <summary>What each SalesIQ fixture must normalize to.</summary>
internal static class SalesIqExpectations
{
    public const string Created = "salesiq/01-conversation-created.json";
    public const string VisitorReplied = "salesiq/02-conversation-visitor-replied.json";
    public const string OperatorReplied = "salesiq/03-conversation-operator-replied.json";
    public const string Missed = "salesiq/04-conversation-missed.json";
    public const string Completed = "salesiq/05-conversation-completed.json";
    public const string Rated = "salesiq/06-conversation-rated.json";
    public const string VisitorUpdated = "salesiq/07-visitor-updated-contact.json";
    public const string NoEmail = "salesiq/08-visitor-updated-lead-no-email.json";
    public const string CreatedRetry = "salesiq/09-conversation-created-retry.json";

    private const string Question = "Hi, do you offer an annual plan for 20 seats?";

    public static IReadOnlyDictionary<string, FixtureOutcome> ByFixture { get; } = new Dictionary<string, FixtureOutcome>
    {
        [Created] = FixtureOutcome.Accepted(
            Lena(EventKind.Message, Direction.Inbound, 1769857200000) with { Text = Question }),
        [VisitorReplied] = FixtureOutcome.Accepted(
            Lena(EventKind.Message, Direction.Inbound, 1769857300123) with
            {
                MessageId = "1769857300123_60012345000004021",
                Text = "Yes please, send me the quote. Can we have a call on Thursday?",
            }),
        [OperatorReplied] = FixtureOutcome.Accepted(
            Lena(EventKind.Message, Direction.Outbound, 1769857250456) with
            {
                MessageId = "1769857250456_60012345000004021",
                Text = "Hello Lena, happy to help. Annual plans are 20% off.",
            }),
        [Missed] = FixtureOutcome.Accepted(
            Shape(EventKind.StatusUpdated, Direction.None, 1769860920000, "email:noor.haddad@fabrikam-example.com") with
            {
                FirstName = "Noor",
                LastName = "Haddad",
                ProviderLeadId = "60012345000090077",
                Subject = "missed",
                Text = "Is anyone there?",
            }),
        [Completed] = FixtureOutcome.Accepted(
            Lena(EventKind.StatusUpdated, Direction.None, 1769858100000) with { Subject = "ended" }),
        [Rated] = FixtureOutcome.Accepted(
            Lena(EventKind.StatusUpdated, Direction.Inbound, Delivery.ReceivedAt.ToUnixTimeMilliseconds()) with
            {
                Subject = "rated",
                Text = "rating 3: Quick and helpful, thanks!",
            }),
        [VisitorUpdated] = FixtureOutcome.Accepted(
            Lena(EventKind.LeadUpdated, Direction.None, Delivery.ReceivedAt.ToUnixTimeMilliseconds()) with { Subject = "contact" }),
        // No email and no phone: the visitor is keyed by SalesIQ's id rather than refused (which would make SalesIQ retry).
        [NoEmail] = FixtureOutcome.Accepted(
            Shape(EventKind.LeadUpdated, Direction.None, Delivery.ReceivedAt.ToUnixTimeMilliseconds(), "salesiq:visitor:60012345000095002") with
            {
                FirstName = "Anon",
                LastName = "Visitor",
                ProviderLeadId = "60012345000095002",
                Subject = "lead",
            }),
        [CreatedRetry] = FixtureOutcome.Accepted(
            Lena(EventKind.Message, Direction.Inbound, 1769857200000) with { Text = Question }),
    };

    private static EventShape Lena(EventKind kind, Direction direction, long epochMilliseconds) =>
        Shape(kind, direction, epochMilliseconds, "email:lena.fischer@contoso-example.de") with
        {
            Phone = "+49301234567",
            FirstName = "Lena",
            LastName = "Fischer",
            ProviderLeadId = "60012345000090034",
        };

    private static EventShape Shape(EventKind kind, Direction direction, long epochMilliseconds, string leadKey) => new()
    {
        Kind = kind,
        Channel = Channel.Chat,
        Direction = direction,
        OccurredAtUtc = DateTimeOffset.FromUnixTimeMilliseconds(epochMilliseconds).UtcDateTime,
        Offset = TimeSpan.Zero,
        LeadKey = leadKey,
    };
}
