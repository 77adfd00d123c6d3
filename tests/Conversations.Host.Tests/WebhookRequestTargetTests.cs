using Conversations.Host.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Host.Tests;

/// <summary>The token leaves the request target before anything reads it; the rest of the target stays as sent.</summary>
public sealed class WebhookRequestTargetTests
{
    [Theory]
    [InlineData("/webhooks/salesforge/tok", "", "/webhooks/salesforge", "", "tok")]
    [InlineData("/webhooks/salesforge/tok/", "", "/webhooks/salesforge", "", "tok")]
    [InlineData("/WEBHOOKS/Salesforge/tok", "", "/WEBHOOKS/Salesforge", "", "tok")]
    [InlineData("/webhooks/salesforge/a/b", "", "/webhooks/salesforge", "", "a/b")]
    [InlineData("/webhooks/salesforge/sf tok+en&=%", "", "/webhooks/salesforge", "", "sf tok+en&=%")]
    [InlineData("/webhooks/salesforge", "?token=abc", "/webhooks/salesforge", "", "abc")]
    [InlineData("/webhooks/salesforge", "?a=1&token=x%20y+z%26&b=%41+", "/webhooks/salesforge", "?a=1&b=%41+", "x y z&")]
    [InlineData("/webhooks/salesforge", "?TOKEN=first&token=second", "/webhooks/salesforge", "", "first")]
    [InlineData("/webhooks/salesforge", "?%74oken=t", "/webhooks/salesforge", "", "t")]
    [InlineData("/webhooks/salesforge", "?token", "/webhooks/salesforge", "", "")]
    [InlineData("/webhooks/salesforge/from-path", "?token=from-query&x=1", "/webhooks/salesforge", "?x=1", "from-path")]
    [InlineData("/webhooks", "?token=q", "/webhooks", "", "q")]
    [InlineData("/webhooks/nobody/tok", "", "/webhooks/nobody", "", "tok")]
    public void MoveTokenOut_TakesTheTokenOutOfPathQueryAndRawTarget(string path, string query, string expectedPath, string expectedQuery, string token)
    {
        var request = new HttpRequestFeature { Path = path, QueryString = query, RawTarget = "/original/target" };

        var moved = WebhookRequestTarget.MoveTokenOut(request);

        Assert.Equal((token, expectedPath, expectedQuery), (moved, request.Path, request.QueryString));
        Assert.Equal(new PathString(expectedPath).ToUriComponent() + expectedQuery, request.RawTarget);
    }

    [Theory]
    [InlineData("/webhooks/salesforge", "")]
    [InlineData("/webhooks/salesforge/", "")]
    [InlineData("/webhooks/salesforge", "?tokens=1&my_token=2")]
    [InlineData("/api/leads/email:a@b.example", "?token=not-a-webhook")]
    [InlineData("/webhooksx/salesforge/tok", "?token=t")]
    [InlineData("/", "")]
    [InlineData("*", "")]
    [InlineData("", "?token=t")]
    public void MoveTokenOut_WhenThereIsNoWebhookToken_ChangesNothing(string path, string query)
    {
        var request = new HttpRequestFeature { Path = path, QueryString = query, RawTarget = path + query };

        Assert.Null(WebhookRequestTarget.MoveTokenOut(request));
        Assert.Equal((path, query, path + query), (request.Path, request.QueryString, request.RawTarget));
    }

    [Fact]
    public void Factory_PutsTheTokenInAFeature_AndClearsItWhenAReusedFeatureCollectionCarriesNone()
    {
        using var services = new ServiceCollection().AddOptions().BuildServiceProvider();
        var factory = new WebhookTokenHttpContextFactory(services);
        var request = new HttpRequestFeature { Path = "/webhooks/salesforge/tok", QueryString = "" };
        var features = new FeatureCollection();
        features.Set<IHttpRequestFeature>(request);
        features.Set<IHttpResponseFeature>(new HttpResponseFeature());

        var first = factory.Create(features);
        Assert.Equal("tok", WebhookTokens.Of(first));
        Assert.Equal("/webhooks/salesforge", first.Request.Path);
        factory.Dispose(first);

        request.Path = "/webhooks/salesforge";
        var second = factory.Create(features);
        Assert.Null(WebhookTokens.Of(second));
        factory.Dispose(second);
    }

    [Fact]
    public void Of_WithoutATokenInTheUrl_ReadsTheHeader()
    {
        var context = new DefaultHttpContext();
        context.Request.Headers[WebhookTokens.Header] = "from-header";

        Assert.Equal("from-header", WebhookTokens.Of(context));

        context.Features.Set(new WebhookTokenFeature("from-url"));
        Assert.Equal("from-url", WebhookTokens.Of(context));
    }
}
