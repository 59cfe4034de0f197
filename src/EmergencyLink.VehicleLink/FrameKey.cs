namespace EmergencyLink.VehicleLink;

/// <summary>A frame's identity in the outbox; the vehicle is implied (an outbox belongs to one vehicle).</summary>
internal readonly record struct FrameKey(string Channel, long Sequence);
