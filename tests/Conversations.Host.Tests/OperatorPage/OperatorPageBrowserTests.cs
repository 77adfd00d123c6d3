using System.Net;
using Conversations.Host.Tests.Identity;
using Conversations.Host.Tests.Security;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Conversations.Host.Tests.OperatorPage;

/// <summary>
/// The operator page in a real headless browser, against the service running as its own process in Production with
/// an operator key: without the key the page is refused; signed in, it finds a lead by its email and shows its
/// timeline and signal, an event that arrives while the page is open appears without a reload, and a campaign's funnel.
/// </summary>
public sealed class OperatorPageBrowserTests
{
    private const string SeleqtToken = "seleqt-token-for-the-browser-test";

    /// <summary>The campaign of the Seleqt fixture the messages are made from.</summary>
    private const string SeleqtCampaign = "seleqt:2207";
    private static readonly float Patience = (float)TimeSpan.FromSeconds(20).TotalMilliseconds;

    /// <summary>Where the test leaves its screenshot (the README shows a copy of it).</summary>
    public static string ScreenshotPath => Path.Combine(RepositoryFolder.Root, "artifacts", "operator-page.png");

    [Fact]
    public async Task AnOperator_SignsIn_FindsALeadByEmail_AndSeesAnEventArriveWhileThePageIsOpen()
    {
        var settings = OperatorKeys.Settings().ToDictionary(setting => setting.Key, setting => setting.Value!);
        settings["Conversations:Providers:Seleqt:Enabled"] = "true";
        settings["Conversations:Providers:Seleqt:Token"] = SeleqtToken;
        await using var host = await RunningHostProcess.StartAsync("Production", settings);
        using var anonymous = await host.Client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Contains("Basic", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        var (email, linkedIn, seleqtId) = (Payloads.NewEmail(), $"in-{Guid.NewGuid():N}", Random.Shared.NextInt64(1_000_000, long.MaxValue));
        var reply = await DeliverAsync(host.Client, PersonPayloads.SeleqtMessage(email, linkedIn, seleqtId, "Sounds good, let's talk on Thursday."));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await Chromium.LaunchAsync(playwright);
        await using var context = await browser.NewContextAsync(new BrowserNewContextOptions
        {
            // The browser's own sign-in: it answers the page's Basic challenge with the key and keeps it for the session.
            HttpCredentials = new HttpCredentials { Username = "operator", Password = OperatorKeys.Reader },
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(host.Client.BaseAddress!.ToString());
        Assert.DoesNotContain(OperatorKeys.Reader, page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Email, LinkedIn profile, phone, provider id or lead id").FillAsync(email);
        await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "Find lead" }).ClickAsync();
        await Expect(page.Locator($"#timeline-rows tr[data-event-id='{reply}']")).ToContainTextAsync("Thursday", new() { Timeout = Patience });
        await Expect(page.Locator("#lead-aliases")).ToContainTextAsync($"email:{email}");
        await Expect(page.Locator("#signals")).ToContainTextAsync("positive reply", new() { Timeout = Patience });

        var later = await DeliverAsync(host.Client, PersonPayloads.SeleqtMessage(email, linkedIn, seleqtId, "Could you send the pricing sheet before we meet?"));

        await Expect(page.Locator($"#timeline-rows tr[data-event-id='{later}']")).ToContainTextAsync("pricing sheet", new() { Timeout = Patience });
        await Expect(page.Locator("#lead-state")).ToContainTextAsync("2 events", new() { Timeout = Patience });

        await page.GetByLabel("Campaign id (provider:campaign)").FillAsync(SeleqtCampaign);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("#funnel-caption")).ToContainTextAsync(SeleqtCampaign, new() { Timeout = Patience });
        await Expect(page.GetByRole(AriaRole.Row, new PageGetByRoleOptions { Name = "Replied" })).ToBeVisibleAsync();
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = ScreenshotPath, FullPage = true });
    }

    private static async Task<string> DeliverAsync(HttpClient client, HttpContent message)
    {
        using (message)
        using (var response = await client.PostAsync($"/webhooks/seleqt/{SeleqtToken}", message))
        {
            var receipt = await response.ReadJsonAsync();
            return Assert.Single(receipt.GetProperty("eventIds").EnumerateArray()).GetString()!;
        }
    }
}
