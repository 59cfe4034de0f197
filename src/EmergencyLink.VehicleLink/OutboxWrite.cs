namespace EmergencyLink.VehicleLink;

/// <summary>One request to the outbox's single writer.</summary>
internal abstract record OutboxWrite;
