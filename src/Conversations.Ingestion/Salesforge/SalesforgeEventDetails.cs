using Conversations.Abstractions;
using Conversations.Abstractions.Events;
using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Salesforge;

/// <summary>
/// What depends on the kind of event: the message it is about, its text, and the event id. Ids are keyed by the
/// provider's email id where there is one; without it, by the lead and the time.
/// </summary>
internal sealed record SalesforgeEventDetails(string EventId)
{
    public string? MessageId { get; private init; }
    public string? Subject { get; private init; }
    public string? Text { get; private init; }
    public string? Url { get; private init; }

    /// <summary>The details of <paramref name="activity"/>, reading the reply from the data block it was detected by.</summary>
    public static SalesforgeEventDetails Read(SalesforgeActivity activity, PayloadObject root, string leadKey, ProviderTime time)
    {
        var kind = activity.Kind;
        switch (kind)
        {
            case EventKind.Sent:
            {
                var email = SalesforgeEmail.Read(root.Object("sequenceEmail"));
                return WithEmail(email.EmailId is { } id ? Id(kind, id) : Id(kind, leadKey, time.Text), email);
            }
            case EventKind.Opened:
            {
                var emailId = SequenceEmailId(root);
                return new(Id(kind, emailId ?? leadKey, time.Text)) { MessageId = emailId };
            }
            case EventKind.Clicked:
            {
                var emailId = SequenceEmailId(root);
                var url = root.Trimmed("link", TextLimits.MaxUrl);
                return new(Id(kind, emailId ?? leadKey, time.Text, url)) { MessageId = emailId, Url = url };
            }
            case EventKind.Bounced:
            {
                var emailId = SequenceEmailId(root);
                return new(emailId is { } id ? Id(kind, id) : Id(kind, leadKey, time.Text)) { MessageId = emailId };
            }
            case EventKind.Unsubscribed:
            {
                var emailId = SequenceEmailId(root);
                return new(Id(kind, leadKey, emailId ?? time.Text)) { MessageId = emailId };
            }
            case EventKind.Replied when activity.Channel == Channel.LinkedIn:
            {
                var text = activity.Data?.String("text");
                var thread = root.Id("threadId");
                return new(Id(kind, thread ?? leadKey, time.Text, text)) { Text = TextLimits.Truncate(text, TextLimits.MaxText) };
            }
            case EventKind.Replied:
            {
                var reply = SalesforgeEmail.Read(activity.Data);
                return WithEmail(reply.EmailId is { } id ? Id(kind, id) : Id(kind, leadKey, time.Text), reply);
            }
            case EventKind.ReplyClassified:
            {
                // MessageId is the reply's own email id, which ties the verdict to the email_replied event. The
                // sentiment is part of the key so that a changed verdict is a new event, not a duplicate.
                var reply = SalesforgeEmail.Read(activity.Data);
                var sentiment = activity.Sentiment?.ToString().ToLowerInvariant();
                return WithEmail(reply.EmailId is { } id ? Id(kind, id, sentiment) : Id(kind, leadKey, time.Text, sentiment), reply);
            }
            default:
                throw new InvalidOperationException($"No Salesforge details for {kind}.");
        }
    }

    private static SalesforgeEventDetails WithEmail(string eventId, SalesforgeEmail email) =>
        new(eventId) { MessageId = email.EmailId, Subject = email.Subject, Text = email.Text };

    private static string? SequenceEmailId(PayloadObject root) => root.Object("sequenceEmail")?.Id("emailId");

    private static string Id(EventKind kind, params ReadOnlySpan<string?> naturalKey) =>
        EventIds.Create(Providers.Salesforge, kind, naturalKey);
}
