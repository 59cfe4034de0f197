using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Grains;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Hubs;

/// <summary>
/// The vehicle link: the only hub that takes uploads. A crew token's vehicle claim decides which vehicle's link the
/// frames join; a frame naming another vehicle is refused in the acknowledgement, never stored.
/// </summary>
[Authorize(Policy = Policies.VehicleLink)]
public sealed class VehicleHub(IGrainFactory grains, IOptions<TelemetryOptions> options, TimeProvider time) : Hub<IVehicleClient>
{
    public const string Path = VehicleLinkProtocol.HubPath;

    [HubMethodName(VehicleLinkProtocol.Upload)]
    public async Task<UploadAck> UploadAsync(TelemetryFrame[]? frames)
    {
        var received = (long)(time.GetUtcNow() - DateTimeOffset.UnixEpoch).TotalMicroseconds;
        if (frames is null || frames.Length == 0)
        {
            return new UploadAck([], []);
        }

        var max = options.Value.MaxBatchFrames;
        if (frames.Length > max)
        {
            throw new HubException($"An upload holds at most {max} frames; this one held {frames.Length}.");
        }

        var vehicle = Context.User!.VehicleClaim()!;
        return await grains.GetGrain<ITelemetryGrain>(vehicle).IngestAsync(frames, received);
    }
}
