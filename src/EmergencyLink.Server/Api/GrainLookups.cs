using EmergencyLink.Contracts;

namespace EmergencyLink.Server.Api;

/// <summary>
/// Finds a case, unit or hospital by a client-given id. A malformed id is answered "not found" without activating a
/// grain for it, so a client cannot fill the silo with grains named by garbage.
/// </summary>
public static class GrainLookups
{
    public static async Task<IncidentSnapshot?> FindIncidentAsync(this IGrainFactory grains, string id) =>
        Ids.IsWellFormed(id) ? await grains.GetGrain<IIncidentGrain>(id).GetAsync() : null;

    public static async Task<AmbulanceSnapshot?> FindAmbulanceAsync(this IGrainFactory grains, string id) =>
        Ids.IsWellFormed(id) ? await grains.GetGrain<IAmbulanceGrain>(id).GetAsync() : null;

    public static async Task<HospitalSnapshot?> FindHospitalAsync(this IGrainFactory grains, string id) =>
        Ids.IsWellFormed(id) ? await grains.GetGrain<IHospitalGrain>(id).GetAsync() : null;
}
