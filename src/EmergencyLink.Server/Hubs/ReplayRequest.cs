namespace EmergencyLink.Server.Hubs;

/// <summary>
/// What a viewer asks of a case's archive: the frames after the last sequence it holds per channel (a viewer coming
/// back after a disconnect), or else the last seconds (a viewer who just opened the patient).
/// </summary>
public sealed record ReplayRequest(IReadOnlyDictionary<string, long>? After, double? LastSeconds);
