using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Units;
using Orleans.Concurrency;

namespace EmergencyLink.Contracts;

/// <summary>One ambulance, keyed by its unit id.</summary>
public interface IAmbulanceGrain : IGrainWithStringKey
{
    /// <summary>Creates the unit if it does not exist; does nothing to an existing one (seeding is idempotent).</summary>
    Task<AmbulanceSnapshot> RegisterAsync(AmbulanceRegistration registration);

    /// <summary>The last committed snapshot, or null if the unit does not exist.</summary>
    [AlwaysInterleave]
    Task<AmbulanceSnapshot?> GetAsync();

    /// <summary>
    /// Commits the unit to a case if it is free. Idempotent for the case it already serves, so a retried assignment
    /// after a crash succeeds. Any other case gets a conflict: a unit serves one case at a time.
    /// </summary>
    Task<CommandResult<AmbulanceSnapshot>> DispatchAsync(string incidentId, string actor);

    /// <summary>Moves the unit with its case after the case has committed a step.</summary>
    Task<CommandResult<AmbulanceSnapshot>> FollowCaseAsync(string incidentId, CaseState caseState, UnitTrigger trigger);

    /// <summary>A crew's status change that involves no case: in or out of service, returning to station.</summary>
    Task<CommandResult<AmbulanceSnapshot>> SetCrewStatusAsync(UnitStatus status, string actor);

    Task<CommandResult<AmbulanceSnapshot>> ReportPositionAsync(PositionReport report);
}
