using System.Text.Json;

namespace Conversations.Host.Tests.Security;

/// <summary>The OpenAPI document declares the credentials and which operation needs which, so generated clients send them.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class OpenApiSecurityTests(EmbeddedHostFixture host)
{
    [Fact]
    public async Task Document_DeclaresOperatorAndWebhookSchemes_PerOperation()
    {
        var document = await (await host.Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("X-Api-Key", schemes.GetProperty("operatorApiKey").Str("name"));
        Assert.Equal("bearer", schemes.GetProperty("operatorBearer").Str("scheme"));
        Assert.Equal("x-siqsignature", schemes.GetProperty("salesIqSignature").Str("name"));

        Assert.Equal(["admin"], ScopesOf(Operation(document, "/api/admin/replay", "post"), "operatorApiKey"));
        Assert.Equal(["read"], ScopesOf(Operation(document, "/api/leads/{lead}", "get"), "operatorBearer"));
        var webhook = Operation(document, "/webhooks/{provider}", "post");
        Assert.Contains(webhook.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("standardWebhooksSignature", out _));
        Assert.DoesNotContain(webhook.GetProperty("security").EnumerateArray(), r => r.TryGetProperty("operatorApiKey", out _));
    }

    [Fact]
    public async Task ServerUrls_DoNotEndWithASlash()
    {
        var document = await (await host.Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();

        var servers = document.GetProperty("servers").EnumerateArray().Select(s => s.Str("url")!).ToList();
        Assert.NotEmpty(servers);
        Assert.All(servers, url => Assert.False(url.EndsWith('/'), $"Server URL {url} ends with '/'."));
    }

    private static JsonElement Operation(JsonElement document, string path, string method) =>
        document.GetProperty("paths").GetProperty(path).GetProperty(method);

    private static IEnumerable<string?> ScopesOf(JsonElement operation, string scheme) =>
        operation.GetProperty("security").EnumerateArray()
            .Single(r => r.TryGetProperty(scheme, out _)).GetProperty(scheme).EnumerateArray().Select(s => s.GetString());
}
