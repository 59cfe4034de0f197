using Microsoft.Extensions.Time.Testing;

namespace EmergencyLink.Ehr.Tests;

/// <summary>The back-off runs on the injected clock: with a fake one, a retry happens when time is advanced, never before.</summary>
public sealed class EhrBackoffClockTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-ehr-").FullName;
    private readonly FhirReceiver receiver = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_only_after_the_back_off_has_elapsed_on_the_injected_clock()
    {
        receiver.Answer = (_, n) => n == 0 ? new ReceiverAnswer(503) : ReceiverAnswer.Created;
        await receiver.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl },
            new Dictionary<string, string> { ["InitialBackoff"] = "00:10:00", ["MaxBackoff"] = "00:10:00", ["RequestTimeout"] = "10:00:00" },
            clock);
        await push.StartAsync();

        await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None);
        var failing = await push.WaitForAsync("H1", s => s.HeadAttempts == 1);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero), failing.LastError!.At);

        // Real time passes, the fake clock does not: no second attempt.
        await Task.Delay(300);
        Assert.Single(receiver.Received);

        // The jittered wait is between 5 and 10 minutes; advance in 10-minute steps until the retry has gone through
        // (the first step may land before the sender has armed its timer).
        var deadline = DateTime.UtcNow.AddSeconds(5);
        while ((await push.StatusAsync("H1")).Pending > 0 && DateTime.UtcNow < deadline)
        {
            clock.Advance(TimeSpan.FromMinutes(10));
            await Task.Delay(20);
        }

        var status = await push.StatusAsync("H1");
        Assert.Equal(0, status.Pending);
        Assert.Equal(["H1/INC-1/1"], receiver.Accepted);
        Assert.True(status.LastDelivered!.At - failing.LastError.At >= TimeSpan.FromMinutes(5));
    }

    [Fact]
    public async Task The_oldest_pending_age_is_measured_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl }, time: clock);

        await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(90));

        var status = await push.StatusAsync("H1");
        Assert.Equal(90, status.OldestPendingAgeSeconds);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero), status.OldestPendingSince);
    }
}
