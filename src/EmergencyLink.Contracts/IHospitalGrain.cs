using Orleans.Concurrency;

namespace EmergencyLink.Contracts;

/// <summary>One receiving hospital: capabilities, diversion, ED load, and the cases inbound to it.</summary>
public interface IHospitalGrain : IGrainWithStringKey
{
    Task<HospitalSnapshot> RegisterAsync(HospitalRegistration registration);

    [AlwaysInterleave]
    Task<HospitalSnapshot?> GetAsync();

    Task<CommandResult<HospitalSnapshot>> UpdateStatusAsync(HospitalStatusUpdate update, string actor);

    /// <summary>
    /// Takes a committed case snapshot from the case itself: it becomes or stays inbound while the case is on its
    /// way here or arrived, and leaves the list when handed over, closed or diverted elsewhere.
    /// </summary>
    Task TrackCaseAsync(IncidentSnapshot incident);

    [AlwaysInterleave]
    Task<IReadOnlyList<IncidentSnapshot>> GetInboundAsync();

    /// <summary>Offload intervals of the cases handed over here (a bounded recent history); null if there is no such hospital.</summary>
    [AlwaysInterleave]
    Task<OffloadReport?> GetOffloadAsync();
}
