using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Destinations;
using EmergencyLink.Geo.Routing;
using EmergencyLink.Server.Seeding;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// The destination ranking of <c>GET /api/incidents/{id}/destinations</c>, shared with the crew screen so a crew sees
/// the same hospitals in the same order with the same reasons whichever way it asks.
/// </summary>
internal static class DestinationRanking
{
    /// <param name="diagnosis">The crew's working diagnosis; null lets the case's alerts decide.</param>
    public static async Task<IReadOnlyList<DestinationRecommendation>> RankAsync(
        IncidentSnapshot incident, WorkingDiagnosis? diagnosis, IGrainFactory grains, RegionCatalog region, ITravelTimeEstimator router)
    {
        var from = incident.Location;
        if (incident is { State: CaseState.Transporting, AmbulanceId: { } unitId }
            && await grains.GetGrain<IAmbulanceGrain>(unitId).GetAsync() is { } unit)
        {
            from = unit.Location;
        }

        var hospitals = (await Task.WhenAll(region.HospitalIds.Select(h => grains.GetGrain<IHospitalGrain>(h).GetAsync())))
            .OfType<HospitalSnapshot>()
            .ToArray();
        var options = hospitals.Select(h => new HospitalOption(h.Id, h.Name, h.Capabilities, h.Diversion, h.EdBedsFree,
            router.EstimateToScene([from], h.Location)[0])).ToArray();
        // Without a diagnosis from the crew, the case's alerts decide (a STEMI found on the ECG goes to a PCI centre).
        var working = diagnosis ?? WorkingDiagnosis.General;
        string? because = null;
        if (diagnosis is null)
        {
            var alerted = AlertedDiagnosis.From(incident.Alerts);
            working = alerted.Diagnosis;
            because = alerted.Reason;
        }

        var ranked = DestinationRules.Rank(working, options);
        return because is null
            ? ranked
            : ranked.Select(r => r with { Reasons = [because, .. r.Reasons] }).ToArray();
    }
}
