namespace EmergencyLink.LinkEmulator;

/// <summary>Bytes read from one side, waiting in the delay line until <paramref name="ReleaseAt"/>.</summary>
public readonly record struct LinkChunk(byte[] Buffer, int Length, TimeSpan ReleaseAt);
