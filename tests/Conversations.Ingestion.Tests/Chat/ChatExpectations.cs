using System.Globalization;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.Chat;

/// <summary>What each chat inbox fixture must normalize to, in order: a delivery can hold a message and a status.</summary>
internal static class ChatExpectations
{
    public const string WhatsApp = "chat/01-newMessage-whatsapp.json";
    public const string PhoneOnly = "chat/02-newMessage-no-email-phone-only.json";
    public const string AgentReply = "chat/03-newMessage-agent-reply-status-open.json";
    public const string Image = "chat/04-newMessage-image.json";
    public const string Seed = "chat/seed-newMessage.json";

    private const string Amara = "email:amara.okafor@lagosmart.example";

    public static IReadOnlyDictionary<string, IReadOnlyList<EventShape>> ByFixture { get; } = new Dictionary<string, IReadOnlyList<EventShape>>
    {
        [WhatsApp] =
        [
            AmaraShape(EventKind.Message, Direction.Inbound, "2026-09-20T08:15:02.120Z") with { Text = "Hello, I'd like a quote for 200 units." },
        ],
        [PhoneOnly] =
        [
            Shape(EventKind.Message, Direction.Inbound, "2026-09-20T09:00:00.000Z", "phone:+2348035550199") with
            {
                Phone = "+2348035550199",
                FirstName = "Chinedu",
                Text = "Hi, call me back please",
            },
        ],
        [AgentReply] =
        [
            AmaraShape(EventKind.Message, Direction.Outbound, "2026-09-20T08:20:00.000Z") with { Text = "Thanks Amara, sending the quote now." },
            AmaraShape(EventKind.StatusUpdated, Direction.None, "2026-09-20T08:20:00.000Z") with { Subject = "open" },
        ],
        [Image] =
        [
            AmaraShape(EventKind.Message, Direction.Inbound, "2026-09-20T08:21:00.000Z") with { Url = "https://media.example/img1.jpg" },
        ],
        [Seed] =
        [
            Shape(EventKind.Message, Direction.Inbound, "2022-01-29T07:27:52.676Z", "email:customer@mail.com") with
            {
                FirstName = "Customer",
                LastName = "name",
                Text = "Hello World!",
            },
        ],
    };

    private static EventShape AmaraShape(EventKind kind, Direction direction, string occurredAt) =>
        Shape(kind, direction, occurredAt, Amara) with { FirstName = "Amara", LastName = "Okafor" };

    private static EventShape Shape(EventKind kind, Direction direction, string occurredAt, string leadKey)
    {
        var time = DateTimeOffset.Parse(occurredAt, CultureInfo.InvariantCulture);
        return new EventShape
        {
            Kind = kind,
            Channel = Channel.WhatsApp,
            Direction = direction,
            OccurredAtUtc = time.UtcDateTime,
            Offset = time.Offset,
            LeadKey = leadKey,
        };
    }
}
