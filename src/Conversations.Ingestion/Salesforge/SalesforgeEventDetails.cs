using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Salesforge;

/// <summary>
/// Fills in what depends on the kind of event: the message it is about, its text, and the event id. Ids are
/// keyed by the provider's email id where there is one; without it, by the lead and the time.
/// </summary>
internal static class SalesforgeEventDetails
{
    public static ConversationEvent Complete(ConversationEvent e, PayloadObject root, string leadKey, ProviderTime time)
    {
        switch (e.Kind)
        {
            case EventKind.Sent:
            {
                var email = SalesforgeEmail.Read(root.Object("sequenceEmail"));
                return e with
                {
                    EventId = email.EmailId is { } id ? Id(e, id) : Id(e, leadKey, time.Text),
                    MessageId = email.EmailId,
                    Subject = email.Subject,
                    Text = email.Text,
                };
            }
            case EventKind.Opened:
            {
                var emailId = SequenceEmailId(root);
                return e with { EventId = Id(e, emailId ?? leadKey, time.Text), MessageId = emailId };
            }
            case EventKind.Clicked:
            {
                var emailId = SequenceEmailId(root);
                var url = root.Trimmed("link", TextLimits.MaxUrl);
                return e with { EventId = Id(e, emailId ?? leadKey, time.Text, url), MessageId = emailId, Url = url };
            }
            case EventKind.Bounced:
            {
                var emailId = SequenceEmailId(root);
                return e with { EventId = emailId is { } id ? Id(e, id) : Id(e, leadKey, time.Text), MessageId = emailId };
            }
            case EventKind.Unsubscribed:
            {
                var emailId = SequenceEmailId(root);
                return e with { EventId = Id(e, leadKey, emailId ?? time.Text), MessageId = emailId };
            }
            case EventKind.Replied when e.Channel == Channel.LinkedIn:
            {
                var text = root.Object("replyMessage")?.String("text");
                var thread = root.Id("threadId");
                return e with { EventId = Id(e, thread ?? leadKey, time.Text, text), Text = TextLimits.Truncate(text, TextLimits.MaxText) };
            }
            case EventKind.Replied:
            {
                var reply = SalesforgeEmail.Read(root.Object("replyEmail"));
                return WithReply(e, reply, reply.EmailId is { } id ? Id(e, id) : Id(e, leadKey, time.Text));
            }
            case EventKind.ReplyClassified:
            {
                // MessageId is the reply's own email id, which ties the verdict to the email_replied event. The
                // sentiment is part of the key so that a changed verdict is a new event, not a duplicate.
                var reply = SalesforgeEmail.Read(root.Object("replyEmail"));
                var sentiment = e.Sentiment?.ToString().ToLowerInvariant();
                return WithReply(e, reply, reply.EmailId is { } id ? Id(e, id, sentiment) : Id(e, leadKey, time.Text, sentiment));
            }
            default:
                throw new InvalidOperationException($"No Salesforge details for {e.Kind}.");
        }
    }

    private static ConversationEvent WithReply(ConversationEvent e, SalesforgeEmail reply, string eventId) =>
        e with { EventId = eventId, MessageId = reply.EmailId, Subject = reply.Subject, Text = reply.Text };

    private static string? SequenceEmailId(PayloadObject root) => root.Object("sequenceEmail")?.Id("emailId");

    private static string Id(ConversationEvent e, params ReadOnlySpan<string?> naturalKey) =>
        EventIds.Create(Providers.Salesforge, e.Kind, naturalKey);
}
