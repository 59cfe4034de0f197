using System.Globalization;
using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Domain.Destinations;

/// <summary>
/// Where a patient should go (DESIGN.md, "Destination recommendation"): the capability the working diagnosis needs,
/// hospitals on diversion left out unless nothing else that can treat the patient is in reach, ED load weighed,
/// ranked by travel time. Sources: STEMI to a 24/7 primary-PCI centre (ESC 2023 ACS guidelines); suspected
/// large-vessel-occlusion stroke to a thrombectomy centre, other stroke to a stroke unit (AHA/ASA 2019,
/// ESO 2019); major trauma to a level I or II trauma centre (ACS field triage guideline 2021); children to a
/// paediatric emergency department.
/// </summary>
public static class DestinationRules
{
    /// <summary>
    /// Time added to a full ED's ETA when ranking: a patient who waits on a trolley for a bed loses what the shorter
    /// drive saved. Ten minutes is a planning figure, not a measured one; it is a setting for the region to tune.
    /// </summary>
    public static readonly TimeSpan FullEdPenalty = TimeSpan.FromMinutes(10);

    public static bool Meets(WorkingDiagnosis diagnosis, HospitalCapabilities c) => diagnosis switch
    {
        WorkingDiagnosis.Stemi => c.Pci24x7,
        WorkingDiagnosis.LargeVesselStroke => c.Thrombectomy,
        WorkingDiagnosis.Stroke => c.StrokeUnit || c.Thrombectomy,
        WorkingDiagnosis.MajorTrauma => c.TraumaLevel is 1 or 2,
        WorkingDiagnosis.Paediatric => c.Paediatric,
        _ => true,
    };

    public static string Requirement(WorkingDiagnosis diagnosis) => diagnosis switch
    {
        WorkingDiagnosis.Stemi => "24/7 primary PCI",
        WorkingDiagnosis.LargeVesselStroke => "mechanical thrombectomy",
        WorkingDiagnosis.Stroke => "acute stroke unit",
        WorkingDiagnosis.MajorTrauma => "level I or II trauma centre",
        WorkingDiagnosis.Paediatric => "paediatric emergency department",
        _ => "emergency department",
    };

    public static IReadOnlyList<DestinationRecommendation> Rank(WorkingDiagnosis diagnosis, IReadOnlyList<HospitalOption> hospitals)
    {
        var requirement = Requirement(diagnosis);
        var reachable = hospitals.Where(h => h.Travel is not null).ToList();
        var capable = reachable.Where(h => Meets(diagnosis, h.Capabilities)).ToList();
        var capableOpen = capable.Where(h => !h.Diversion).ToList();

        return reachable
            .Select(h =>
            {
                var meets = Meets(diagnosis, h.Capabilities);
                var reasons = new List<string>
                {
                    meets ? $"has {requirement}" : $"no {requirement}",
                    string.Create(CultureInfo.InvariantCulture, $"{h.Travel!.Seconds / 60:F1} min by road"),
                };
                var eligible = meets;
                if (h.Diversion)
                {
                    eligible &= capableOpen.Count == 0;
                    reasons.Add(capableOpen.Count == 0 && meets
                        ? "on diversion, offered because no other hospital in reach has " + requirement
                        : "on diversion");
                }

                if (h.EdBedsFree == 0)
                {
                    reasons.Add(string.Create(CultureInfo.InvariantCulture, $"ED full: ranked as {FullEdPenalty.TotalMinutes:F0} min farther"));
                }

                if (!meets && capable.Count == 0)
                {
                    eligible = !h.Diversion || reachable.All(r => r.Diversion);
                    reasons.Add($"no hospital in reach has {requirement}: nearest emergency department to stabilise and transfer");
                }

                var rankSeconds = h.Travel.Seconds + (h.EdBedsFree == 0 ? FullEdPenalty.TotalSeconds : 0);
                return (Eligible: eligible, RankSeconds: rankSeconds,
                    Recommendation: new DestinationRecommendation(eligible, h.HospitalId, h.Name, h.Travel.Seconds, h.Travel.Meters, meets,
                        h.Diversion, h.EdBedsFree, reasons));
            })
            .OrderByDescending(x => x.Eligible)
            .ThenBy(x => x.RankSeconds)
            .ThenBy(x => x.Recommendation.HospitalId, StringComparer.Ordinal)
            .Select(x => x.Recommendation)
            .ToArray();
    }
}
