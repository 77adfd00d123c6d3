using Microsoft.Playwright;

namespace Conversations.Host.Tests.OperatorPage;

/// <summary>
/// Debian's chromium (installed by .ci/run; <c>CHROMIUM_PATH</c> names another), driven by Playwright: no browser is
/// downloaded. The flags keep it from reaching out to Google's services, which this machine's network refuses.
/// </summary>
internal static class Chromium
{
    public static string ExecutablePath
    {
        get
        {
            var path = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
            Assert.True(File.Exists(path), $"No Chromium at {path}: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH.");
            return path;
        }
    }

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = ExecutablePath,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });
}
