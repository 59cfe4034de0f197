namespace EmergencyLink.Domain.Alerts;

/// <summary>
/// One fact behind an alert, as a clinician checks it: the item (a lead, a vital sign, a scale item), its measured
/// value with unit where it has one, and the finding in words with the threshold it met.
/// </summary>
public sealed record AlertEvidence(string Item, double? Value, string? Unit, string Finding);
