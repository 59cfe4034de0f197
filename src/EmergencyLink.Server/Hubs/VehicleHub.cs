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
/// A connection may have several uploads running (<see cref="MaxUploadsInFlight"/>, as many as a gateway keeps
/// outstanding): each is taken by the vehicle's grain in the order it arrived, one at a time under the connection's
/// gate, and then waits for its archive commit outside the gate, so the next upload is pushed to the ED while the one
/// before it is still being made durable. The answer still comes only once every frame it carried is durable.
/// </summary>
[Authorize(Policy = Policies.VehicleLink)]
public sealed class VehicleHub(IGrainFactory grains, IOptions<TelemetryOptions> options, TimeProvider time) : Hub<IVehicleClient>
{
    public const string Path = VehicleLinkProtocol.HubPath;

    /// <summary>
    /// Uploads of one connection run at once (SignalR's MaximumParallelInvocationsPerClient for this hub); the gateway
    /// keeps at most <c>MaxInFlightBatches</c> (4) outstanding, and the benchmark's bare senders more, which then queue.
    /// </summary>
    public const int MaxUploadsInFlight = 4;

    private const string GateKey = "upload-gate";

    public override Task OnConnectedAsync()
    {
        // SignalR starts a connection's invocations in the order they arrive; the gate keeps that order into the grain.
        Context.Items[GateKey] = new SemaphoreSlim(1, 1);
        return base.OnConnectedAsync();
    }

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

        var link = grains.GetGrain<ITelemetryGrain>(Context.User!.VehicleClaim()!);
        var gate = (SemaphoreSlim)Context.Items[GateKey]!;
        UploadTicket ticket;
        await gate.WaitAsync();
        try
        {
            ticket = await link.AcceptAsync(frames, received);
        }
        finally
        {
            gate.Release();
        }

        return await link.AcknowledgeAsync(ticket);
    }
}
