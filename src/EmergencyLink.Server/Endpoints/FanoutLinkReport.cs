namespace EmergencyLink.Server.Endpoints;

/// <summary>Changes sent to one other node since the two linked, dropped for it, and waiting for it now.</summary>
public sealed record FanoutLinkReport(string Silo, long Forwarded, long Dropped, int Queued);
