using EmergencyLink.Domain.Cases;
using Orleans.Concurrency;

namespace EmergencyLink.Contracts;

/// <summary>
/// Numbers new cases and lists them (key "default"). It persists only the counter and which cases are open, so a
/// case step costs it no write unless the case opens or ends.
/// </summary>
public interface IIncidentRegistryGrain : IGrainWithStringKey
{
    Task<CommandResult<IncidentSnapshot>> OpenAsync(NewIncident call, string actor);

    /// <summary>Takes a committed case snapshot from the case itself.</summary>
    Task TrackAsync(IncidentSnapshot incident);

    /// <summary>Open cases, or open ones and the most recently ended ones, newest first.</summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<IncidentSnapshot>> ListAsync(bool openOnly);
}
