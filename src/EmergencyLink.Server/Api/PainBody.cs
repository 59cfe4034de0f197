namespace EmergencyLink.Server.Api;

/// <summary>Pain on the 0-10 numeric rating scale, where it hurts, and when it was asked.</summary>
public sealed record PainBody(int? Score, string? Site, DateTimeOffset? At);
