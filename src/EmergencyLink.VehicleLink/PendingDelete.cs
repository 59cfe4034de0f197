namespace EmergencyLink.VehicleLink;

/// <summary>Frames already gone from the index (acked, rejected, thinned) whose rows are still to be deleted.</summary>
internal sealed record PendingDelete(IReadOnlyList<FrameKey> Keys) : OutboxWrite;
