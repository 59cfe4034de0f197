using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Grains;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Live;

/// <summary>
/// A case's archived frames for a viewer joining late or coming back: the last seconds when it first opens the patient,
/// or what it missed after the sequences it holds. The ED's hub and the ED board console both read it from here, so a
/// browser board and a SignalR client opening the same patient start from the same seconds.
/// </summary>
public sealed class TelemetryReplay(ITelemetryArchive archive, IOptions<TelemetryOptions> options, TimeProvider time) : Consoles.Live.ICaseReplay
{
    /// <summary>Frames after <paramref name="after"/> (channel → last sequence held) or, without it, the last seconds.</summary>
    public async Task<TelemetryDelivery> ReadAsync(string caseId, IReadOnlyDictionary<string, long>? after, double? lastSeconds)
    {
        var limit = options.Value.MaxReplayFrames;
        IReadOnlyList<TelemetryFrame> frames;
        if (after is { Count: > 0 })
        {
            frames = await archive.ReadAfterAsync(caseId, after, limit);
        }
        else
        {
            var window = lastSeconds is > 0 and <= 600 ? TimeSpan.FromSeconds(lastSeconds.Value) : options.Value.ReplayWindow;
            var latest = await archive.LatestCaptureAsync(caseId);
            frames = latest is null ? [] : await archive.ReadAsync(caseId, null, latest.Value - (long)window.TotalMicroseconds, latest.Value, limit);
        }

        var now = (long)(time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMicroseconds;
        return new TelemetryDelivery(caseId, frames, now, now, Replay: true);
    }

    public Task<TelemetryDelivery> LastSecondsAsync(string caseId) => ReadAsync(caseId, null, null);
}
