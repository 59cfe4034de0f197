using EmergencyLink.EndToEnd.Tests;
using Microsoft.Playwright;

namespace EmergencyLink.Browser.Tests;

/// <summary>
/// The real server in its own process and Debian's Chromium, headless, driven by Playwright. Playwright never
/// downloads a browser here: it launches the system's.
/// </summary>
public sealed class BrowserSession : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? playwright;

    public ServerProcess Server { get; } = new(environment: new Dictionary<string, string>
    {
        // A test's map stays still unless it moves something itself.
        ["Demo__Enabled"] = "false",
    });

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>False on a machine without Debian's Chromium (outside CI): the tests then report themselves skipped.</summary>
    public bool Available { get; private set; } = true;

    public void RequireBrowser() =>
        Skip.IfNot(Available, $"{ChromiumPath} is missing: install Debian's chromium package to run the browser tests.");

    public async Task InitializeAsync()
    {
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        if (!File.Exists(ChromiumPath))
        {
            // A developer's machine without Debian's Chromium skips the browser tests, as the tests reading ../shared do
            // without it; CI installs the package, so there its absence is a failure.
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"{ChromiumPath} is missing: install Debian's chromium package (.ci/run does).");
            }

            Available = false;
            return;
        }

        await Server.StartAsync();
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // Root in CI and containers: Chromium's sandbox needs user namespaces that are not there.
            // Audio without a tap first, as on an ED's wall screen set up for it: the board's alarm is heard, and counted.
            Args = ["--no-sandbox", "--disable-dev-shm-usage", "--autoplay-policy=no-user-gesture-required"],
        });
    }

    /// <summary>A fresh browser context (its own cookies) at a desktop dispatcher's screen size.</summary>
    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1600, Height = 900 },
        });
        // Every wait is for a DOM state, so this only bounds a failure; CI runs the other test projects beside these
        // on two cores, where a circuit can take seconds to answer.
        context.SetDefaultTimeout(30_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        await Server.DisposeAsync();
    }
}
