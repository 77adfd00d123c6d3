using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Conversations.LoadTest.Workload;

/// <summary>
/// Writes a Salesforge webhook body shaped like the fixtures in tests/Conversations.Testing/Fixtures/salesforge:
/// webhookInfo, sequenceEmail, workspace, contact, sequence, mailbox, then the block that says what happened
/// (emailSentData, emailOpenedData, link + linkClickedData, or replyEmail). Email ids carry the run id, so
/// every run's events are new to the service even against a database that has seen earlier runs.
/// </summary>
internal sealed class SalesforgePayload(string runId)
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    public byte[] Write(LeadProfile lead, Campaign campaign, PlannedEvent planned)
    {
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteWebhookInfo(json, lead, planned);
            WriteSequenceEmail(json, lead, campaign, planned);
            json.WriteStartObject("workspace");
            json.WriteString("id", "wks_bench01");
            json.WriteString("name", "Benchmark Workspace");
            json.WriteString("slug", "benchmark-workspace");
            json.WriteEndObject();
            WriteContact(json, lead);
            json.WriteStartObject("sequence");
            json.WriteString("id", campaign.SequenceId);
            json.WriteString("name", campaign.SequenceName);
            json.WriteEndObject();
            WriteMailbox(json, campaign);
            WriteActivity(json, lead, campaign, planned);
            json.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteWebhookInfo(Utf8JsonWriter json, LeadProfile lead, PlannedEvent planned)
    {
        json.WriteStartObject("webhookInfo");
        json.WriteString("id", "wh_bench01");
        json.WriteString("eventTime", Time(lead, planned.At));
        json.WriteString("type", planned.Kind switch
        {
            DeliveryKind.Sent => "email_sent",
            DeliveryKind.Opened => "email_opened",
            DeliveryKind.Clicked => "link_clicked",
            DeliveryKind.Replied => "email_replied",
            _ => throw new ArgumentOutOfRangeException(nameof(planned), planned.Kind, "not an event kind"),
        });
        json.WriteEndObject();
    }

    private void WriteSequenceEmail(Utf8JsonWriter json, LeadProfile lead, Campaign campaign, PlannedEvent planned)
    {
        json.WriteStartObject("sequenceEmail");
        json.WriteString("emailId", $"{runId}-{lead.Index:x6}-r{planned.Round}s{planned.Step}@mail.outreach.example");
        json.WriteString("fromEmail", campaign.SenderEmail);
        json.WriteString("fromName", $"{campaign.SenderFirstName} {campaign.SenderLastName}");
        json.WriteString("toEmail", lead.Email);
        json.WriteString("toName", $"{lead.FirstName} {lead.LastName}");
        WriteContent(json, EmailCopy.Subject(lead, planned.Step), EmailCopy.Text(lead, planned.Step));
        json.WriteEndObject();
    }

    private static void WriteContact(Utf8JsonWriter json, LeadProfile lead)
    {
        json.WriteStartObject("contact");
        json.WriteString("id", lead.ContactId);
        json.WriteString("firstName", lead.FirstName);
        json.WriteString("lastName", lead.LastName);
        json.WriteString("email", lead.Email);
        json.WriteString("company", lead.Company);
        json.WriteEndObject();
    }

    private static void WriteMailbox(Utf8JsonWriter json, Campaign campaign)
    {
        json.WriteStartObject("mailbox");
        json.WriteString("id", campaign.MailboxId);
        json.WriteString("firstName", campaign.SenderFirstName);
        json.WriteString("lastName", campaign.SenderLastName);
        json.WriteString("email", campaign.SenderEmail);
        json.WriteString("customDomain", "mail.outreach.example");
        json.WriteEndObject();
    }

    private void WriteActivity(Utf8JsonWriter json, LeadProfile lead, Campaign campaign, PlannedEvent planned)
    {
        switch (planned.Kind)
        {
            case DeliveryKind.Sent:
                json.WriteStartObject("emailSentData");
                json.WriteNumber("step", planned.Step);
                json.WriteBoolean("ai_generated", false);
                json.WriteEndObject();
                break;
            case DeliveryKind.Opened:
                json.WriteStartObject("emailOpenedData");
                json.WriteString("openedAt", Time(lead, planned.At));
                json.WriteEndObject();
                break;
            case DeliveryKind.Clicked:
                json.WriteString("link", planned.Link);
                json.WriteStartObject("linkClickedData");
                json.WriteString("clickedAt", Time(lead, planned.At));
                json.WriteEndObject();
                break;
            case DeliveryKind.Replied:
                var domain = lead.Email[(lead.Email.IndexOf('@', StringComparison.Ordinal) + 1)..];
                json.WriteStartObject("replyEmail");
                json.WriteString("emailId", $"re-{runId}-{lead.Index:x6}-r{planned.Round}s{planned.Step}@mail.{domain}");
                json.WriteString("fromEmail", lead.Email);
                json.WriteString("fromName", $"{lead.FirstName} {lead.LastName}");
                json.WriteString("toEmail", campaign.SenderEmail);
                json.WriteString("toName", $"{campaign.SenderFirstName} {campaign.SenderLastName}");
                WriteContent(json, "Re: " + EmailCopy.Subject(lead, planned.Step), EmailCopy.Reply(campaign, planned));
                json.WriteEndObject();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(planned), planned.Kind, "not an event kind");
        }
    }

    private static void WriteContent(Utf8JsonWriter json, string subject, string text)
    {
        json.WriteString("subject", subject);
        json.WriteStartObject("content");
        json.WriteString("text", text);
        json.WriteString("html", $"<p>{text}</p>");
        json.WriteEndObject();
    }

    /// <summary>In the lead's own UTC offset, as Salesforge sends times.</summary>
    private static string Time(LeadProfile lead, DateTimeOffset at) =>
        at.ToOffset(lead.UtcOffset).ToString(TimeFormat, CultureInfo.InvariantCulture);
}
