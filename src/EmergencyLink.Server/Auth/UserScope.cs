using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Security;

namespace EmergencyLink.Server.Auth;

/// <summary>What one user may touch. Roles say what kind of thing; the vehicle and hospital claims say which.</summary>
public static class UserScope
{
    public static string Actor(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimNames.Name) ?? user.FindFirstValue(ClaimNames.Subject) ?? "unknown";

    public static string? VehicleClaim(this ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.Vehicle);

    public static string? HospitalClaim(this ClaimsPrincipal user) => user.FindFirstValue(ClaimNames.Hospital);

    public static bool IsDispatchStaff(this ClaimsPrincipal user) =>
        user.IsInRole(Roles.Dispatcher) || user.IsInRole(Roles.Admin);

    public static bool IsCrewOf(this ClaimsPrincipal user, string? ambulanceId) =>
        ambulanceId is not null && user.IsInRole(Roles.Crew) && user.VehicleClaim() == ambulanceId;

    public static bool IsEdOf(this ClaimsPrincipal user, string? hospitalId) =>
        hospitalId is not null && user.IsInRole(Roles.Ed) && user.HospitalClaim() == hospitalId;

    public static bool MayWatchHospital(this ClaimsPrincipal user, string hospitalId) =>
        user.IsDispatchStaff() || user.IsEdOf(hospitalId);

    /// <summary>Crews see their own unit's case; EDs the cases headed to them; dispatch sees all.</summary>
    public static bool MayRead(this ClaimsPrincipal user, IncidentSnapshot incident) =>
        user.IsDispatchStaff() || user.IsCrewOf(incident.AmbulanceId) || user.IsEdOf(incident.HospitalId);

    /// <summary>
    /// Who may fire which trigger. Dispatch staff run the case and may record a crew's step they hear on the radio;
    /// the transfer of care is the receiving ED's acceptance, so only that ED (or an admin) records it.
    /// </summary>
    public static bool MayFire(this ClaimsPrincipal user, IncidentSnapshot incident, CaseTrigger trigger) => trigger switch
    {
        CaseTrigger.Handover => user.IsInRole(Roles.Admin) || user.IsEdOf(incident.HospitalId),
        CaseTrigger.Triage or CaseTrigger.Assign or CaseTrigger.Reassign or CaseTrigger.Cancel => user.IsDispatchStaff(),
        _ => user.IsDispatchStaff() || user.IsCrewOf(incident.AmbulanceId),
    };
}
