using EmergencyLink.Contracts.Telemetry;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.VehicleLink.Tests;

/// <summary>The vehicle hub's upload method, and nothing else; no authentication.</summary>
public sealed class FakeVehicleHub(FakeHubState state) : Hub
{
    /// <summary>Takes the frames at once and answers after <see cref="FakeHubState.UploadDelay"/>: a slow link loses acks, not frames.</summary>
    public async Task<UploadAck> Upload(TelemetryFrame[] frames)
    {
        var ack = state.Receive(frames);
        if (state.UploadDelay > TimeSpan.Zero)
        {
            await Task.Delay(state.UploadDelay, Context.ConnectionAborted);
        }

        return ack;
    }
}
