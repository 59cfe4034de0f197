namespace EmergencyLink.Domain.Telemetry;

/// <summary>One compressed video (or ultrasound) image; JPEG for now.</summary>
public sealed record VideoFrame(bool KeyFrame, int Width, int Height, string Codec, byte[] Data);
