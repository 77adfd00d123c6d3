using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Conversations.Host.Tests.Identity;

/// <summary>
/// LinkedIn ids are NFC-normalized in the host as shipped: its own process, with its runtimeconfig's invariant
/// globalization, where string.Normalize does not compose. The in-memory test hosts run with ICU and cannot show it.
/// </summary>
public sealed class NfcInShippedHostProcessTests
{
    private const string Decomposed = "ju\u0308rgen-mu\u0308ller-4a";
    private const string Precomposed = "j\u00fcrgen-m\u00fcller-4a";

    // Writes the id's characters as they are, the way a provider sends UTF-8, instead of \u escapes.
    private static readonly JsonSerializerOptions RawUnicode = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public void HostRuntimeConfig_TurnsInvariantGlobalizationOn()
    {
        var runtimeConfig = Path.ChangeExtension(HostProcessStart.AssemblyPath, ".runtimeconfig.json");
        var properties = JsonNode.Parse(File.ReadAllText(runtimeConfig))!["runtimeOptions"]!["configProperties"]!;

        Assert.True(properties["System.Globalization.Invariant"]?.GetValue<bool>(), $"{runtimeConfig} does not turn invariant globalization on.");
    }

    [Fact]
    public async Task DecomposedAndPrecomposedLinkedInId_AreOneLead_InTheShippedHostProcess()
    {
        await using var host = await RunningHostProcess.StartDevelopmentAsync();
        var suffix = Guid.NewGuid().ToString("N")[..12];

        var decomposedLead = await DeliverAsync(host, Decomposed, $"2-nfc-decomposed-{suffix}", "Hallo");
        var precomposedLead = await DeliverAsync(host, Precomposed, $"2-nfc-precomposed-{suffix}", "Danke!");

        Assert.True(decomposedLead == precomposedLead, $"The decomposed spelling made a second lead: {decomposedLead} and {precomposedLead}.");
        using var response = await host.Client.GetAsync($"/api/leads/{Uri.EscapeDataString($"linkedin:{Precomposed}")}/timeline");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var timeline = await response.ReadJsonAsync();
        Assert.Equal(2, timeline.GetProperty("count").GetInt32());
        Assert.Equal(["Danke!", "Hallo"], timeline.GetProperty("events").EnumerateArray().Select(e => e.Str("text")).Order(StringComparer.Ordinal));
    }

    /// <summary>Posts a Seleqt incoming message from the LinkedIn member <paramref name="publicId"/>; returns the receipt's one lead key.</summary>
    private static async Task<string> DeliverAsync(RunningHostProcess host, string publicId, string messageId, string text)
    {
        var body = JsonNode.Parse(Payloads.Text("seleqt/05-url-percent-encoded-unicode.json"))!;
        var message = body["message"]!;
        message["message_id"] = messageId;
        message["message"] = text;
        message["lead"]!["linkedin_public_id"] = publicId;
        message["lead"]!["linkedin_profile_url"] = $"https://de.linkedin.com/in/{publicId}/";

        using var response = await host.Client.PostAsync("/webhooks/seleqt", Payloads.Json(body.ToJsonString(RawUnicode)));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}\n{host.Output}");
        var receipt = await response.ReadJsonAsync();
        Assert.Equal("accepted", receipt.Str("outcome"));
        return Assert.Single(receipt.GetProperty("leadIds").EnumerateArray()).GetString()!;
    }
}
