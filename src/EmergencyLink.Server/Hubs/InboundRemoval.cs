using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Server.Hubs;

/// <summary>A case left a hospital's inbound list: handed over, or diverted elsewhere (<see cref="State"/> says which).</summary>
public sealed record InboundRemoval(string HospitalId, string IncidentId, CaseState State);
