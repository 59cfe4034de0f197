namespace EmergencyLink.LinkEmulator;

/// <summary>When a chunk has left the sender's radio (<paramref name="SentAt"/>) and when it may reach the far end.</summary>
public readonly record struct LinkChunkPlan(TimeSpan SentAt, TimeSpan ArrivesAt, bool HeldByLoss);
