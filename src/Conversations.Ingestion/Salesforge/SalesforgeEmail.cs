using Conversations.Ingestion.Payloads;

namespace Conversations.Ingestion.Salesforge;

/// <summary>A <c>sequenceEmail</c> or <c>replyEmail</c> block: the email's id, subject and plain text.</summary>
internal sealed record SalesforgeEmail(string? EmailId, string? Subject, string? Text)
{
    private static readonly SalesforgeEmail None = new(null, null, null);

    public static SalesforgeEmail Read(PayloadObject? email) => email is { } e
        ? new SalesforgeEmail(
            e.Id("emailId"),
            e.Trimmed("subject", TextLimits.MaxSubject),
            TextLimits.Truncate(e.Object("content")?.String("text"), TextLimits.MaxText))
        : None;
}
