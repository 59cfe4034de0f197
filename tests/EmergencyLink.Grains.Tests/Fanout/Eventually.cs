namespace EmergencyLink.Grains.Tests.Fanout;

public static class Eventually
{
    public static async Task HoldsAsync(Func<bool> condition, TimeSpan within, string what)
    {
        var until = DateTime.UtcNow + within;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                Assert.Fail($"Not within {within.TotalSeconds} s: {what}");
            }

            await Task.Delay(50);
        }
    }
}
