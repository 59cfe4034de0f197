using System.Security.Claims;
using EmergencyLink.Consoles.Live;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Server.Auth;

/// <summary>The consoles' scope is the API's: <see cref="UserScope"/>, unchanged.</summary>
public sealed class ConsoleScope : IConsoleScope
{
    public bool MayRead(ClaimsPrincipal user, IncidentSnapshot incident) => user.MayRead(incident);

    public bool MayFire(ClaimsPrincipal user, IncidentSnapshot incident, CaseTrigger trigger) => user.MayFire(incident, trigger);

    public bool MayWatchHospital(ClaimsPrincipal user, string hospitalId) => user.MayWatchHospital(hospitalId);

    public bool MayActForHospital(ClaimsPrincipal user, string hospitalId) =>
        user.IsInRole(Security.Roles.Admin) || user.IsEdOf(hospitalId);
}
