using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace Conversations.Host.Tests.Identity;

/// <summary>Deliveries about one made-up person, with the identifiers a test chooses and fresh event ids.</summary>
internal static class PersonPayloads
{
    /// <summary>A Salesforge email_opened about a contact with <paramref name="email"/> (null: none) and Salesforge id <paramref name="contactId"/> (null: none).</summary>
    public static StringContent SalesforgeOpened(string? email, string? contactId)
    {
        var body = JsonNode.Parse(Payloads.Text("salesforge/02-email_opened.json"))!;
        body["sequenceEmail"]!["emailId"] = $"{Guid.NewGuid():N}@mail.outreach.example";
        body["sequenceEmail"]!["toEmail"] = email;
        body["contact"]!["email"] = email;
        body["contact"]!["id"] = contactId;
        return Json(body);
    }

    /// <summary>A Seleqt incoming LinkedIn message from a lead with these identifiers.</summary>
    public static StringContent SeleqtMessage(string? email, string linkedInPublicId, long seleqtLeadId, string text)
    {
        var body = JsonNode.Parse(Payloads.Text("seleqt/01-incoming_message.json"))!;
        var message = body["message"]!;
        message["message_id"] = $"2-{Guid.NewGuid():N}";
        message["message"] = text;
        var lead = message["lead"]!;
        lead["id"] = seleqtLeadId;
        lead["email"] = email;
        lead["linkedin_public_id"] = linkedInPublicId;
        lead["linkedin_profile_url"] = $"https://www.linkedin.com/in/{linkedInPublicId}/";
        lead["phone_number"] = null;
        return Json(body);
    }

    public static string NewContactId() => $"lead_{Guid.NewGuid():N}";

    public static string NewLinkedInId() => $"ada-{Guid.NewGuid():N}"[..20];

    private static StringContent Json(JsonNode body)
    {
        var content = new StringContent(body.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }
}
