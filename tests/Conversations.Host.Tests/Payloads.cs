using System.Net.Http.Headers;
using System.Text;

namespace Conversations.Host.Tests;

/// <summary>Fixture payloads as HTTP bodies, optionally with the lead's address swapped for a fresh one so tests do not share leads.</summary>
internal static class Payloads
{
    public const string HannaEmail = "hanna.berg@fabrikam.example";

    /// <summary>Hanna's Salesforge contact id in the fixtures: an alias of her lead, like her address.</summary>
    public const string HannaContactId = "lead_k2m9x7q1";

    public static string Text(string relativePath) => Encoding.UTF8.GetString(Testing.Fixture.Read(relativePath));

    public static StringContent Json(string json, string mediaType = "application/json")
    {
        var content = new StringContent(json, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        return content;
    }

    public static StringContent Fixture(string relativePath, string? replaceEmail = null, string? sequenceId = null)
    {
        var json = Text(relativePath);
        if (replaceEmail is not null)
        {
            // Message ids make event ids, and event ids are global: a fresh lead needs fresh message ids too.
            var prefix = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(replaceEmail)))[..12];
            json = json.AsPerson(replaceEmail)
                .Replace("0a1b2c3d-", $"{prefix}-sent-", StringComparison.Ordinal)
                .Replace("9z8y7x-", $"{prefix}-reply-", StringComparison.Ordinal)
                .Replace("thread_9k2l3m", $"thread_{prefix}", StringComparison.Ordinal);
        }
        if (sequenceId is not null) json = json.Replace("seq_q4demo01", sequenceId, StringComparison.Ordinal);
        return Json(json);
    }

    public static string NewEmail() => $"lead-{Guid.NewGuid():N}@fabrikam.example";

    /// <summary>
    /// A Hanna fixture about another person: her address and her Salesforge contact id replaced (keeping the
    /// contact id would make every such person one lead with Hanna, as it should).
    /// </summary>
    public static string AsPerson(this string json, string email) => json
        .Replace(HannaEmail, email, StringComparison.Ordinal)
        .Replace(HannaContactId, $"lead_{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(email)))[..16]}", StringComparison.Ordinal);
}
