using Microsoft.AspNetCore.SignalR.Client;

namespace EmergencyLink.VehicleLink;

/// <summary>SignalR's in-place reconnect on the gateway's delay schedule, never giving up: an ambulance leaves coverage and comes back.</summary>
internal sealed class ForeverRetryPolicy(VehicleGatewayOptions options) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) => options.ReconnectDelay((int)Math.Min(retryContext.PreviousRetryCount, int.MaxValue));
}
