namespace EmergencyLink.Server.Hubs;

/// <summary>
/// What a vehicle gateway may be told. Acknowledgements are the answers to its uploads, so nothing is pushed yet;
/// the interface keeps the hub strongly typed for when something is (a request to raise video quality, say).
/// </summary>
#pragma warning disable CA1040 // An empty interface on purpose: see above.
public interface IVehicleClient;
#pragma warning restore CA1040
