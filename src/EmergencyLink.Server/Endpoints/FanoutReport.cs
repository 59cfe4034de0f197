namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// This node's part in the live fan-out since it started: what it sent each other node, what it could not take in,
/// and how many cases its screens hold open at full rate (the ECG and video other nodes send it).
/// </summary>
public sealed record FanoutReport(string Silo, IReadOnlyList<FanoutLinkReport> Links, long DroppedOnReceipt, int ViewedCases);
