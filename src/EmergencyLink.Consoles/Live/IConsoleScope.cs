using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Consoles.Live;

/// <summary>
/// What a signed-in user may see and do. The host implements it with the API's own scope rules, so a console never
/// shows or does more than the same user could through the API.
/// </summary>
public interface IConsoleScope
{
    bool MayRead(ClaimsPrincipal user, IncidentSnapshot incident);

    bool MayFire(ClaimsPrincipal user, IncidentSnapshot incident, CaseTrigger trigger);

    bool MayWatchHospital(ClaimsPrincipal user, string hospitalId);

    /// <summary>
    /// Acts as the hospital's ED (acknowledges its pre-alerts and alerts, sets its diversion and beds): its own ED users
    /// and admins, as the API allows; dispatch may watch a board but not answer for the ED.
    /// </summary>
    bool MayActForHospital(ClaimsPrincipal user, string hospitalId);
}
