namespace EmergencyLink.VehicleLink;

/// <summary>Frames taken for one upload; each entry's <see cref="FrameEntry.Batch"/> is <see cref="Id"/> while it is on the wire.</summary>
internal sealed record OutgoingBatch(long Id, IReadOnlyList<FrameEntry> Entries);
