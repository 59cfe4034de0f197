using EmergencyLink.Testing;
using Microsoft.Playwright;

namespace EmergencyLink.Browser.Tests;

/// <summary>
/// Screenshots go to the test output. With <c>UPDATE_SCREENSHOTS=1</c> they also replace docs/screenshots, which the
/// README shows: a plain test run must not change tracked files.
/// </summary>
internal static class Screenshots
{
    /// <summary>Runs a test's steps; if one fails, the page as it stood and the server's log go to the test output.</summary>
    public static async Task OnFailureAsync(IPage page, string name, EndToEnd.Tests.ServerProcess server, Func<Task> steps)
    {
        try
        {
            await steps();
        }
        catch
        {
            var output = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(output);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(output, name + ".png") });
            await File.WriteAllTextAsync(Path.Combine(output, name + ".server.log"), server.Output);
            throw;
        }
    }

    public static async Task TakeAsync(IPage page, string name)
    {
        var bytes = await page.ScreenshotAsync(new PageScreenshotOptions { Type = ScreenshotType.Png });
        var output = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(output);
        await File.WriteAllBytesAsync(Path.Combine(output, name + ".png"), bytes);
        if (Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") != "1")
        {
            return;
        }

        var docs = Path.Combine(RepositoryRoot.Find(), "docs", "screenshots");
        Directory.CreateDirectory(docs);
        await File.WriteAllBytesAsync(Path.Combine(docs, name + ".png"), bytes);
    }
}
