namespace EmergencyLink.Server.Endpoints;

/// <param name="Silo">This node's silo address.</param>
/// <param name="ActiveSilos">Active members of the cluster as this node sees them (1 on a single machine).</param>
public sealed record HealthReport(string Status, int Units, string Silo, int ActiveSilos);
