namespace EmergencyLink.Domain.Dispatch;

/// <summary>How long and how far a unit has to drive, as estimated by a router.</summary>
public sealed record TravelEstimate(double Seconds, double Meters);
