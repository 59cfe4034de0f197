using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Domain.Destinations;

/// <summary>
/// The working diagnosis a case's alerts imply when the crew has not named one, with the alert that decided it.
/// Order when several hold: major trauma first (haemorrhage kills within the hour and a level I/II centre can
/// also treat the rest), then STEMI (primary PCI within 120 minutes of diagnosis, ESC 2023), then suspected large
/// vessel occlusion (thrombectomy centre) before other suspected stroke (stroke unit).
/// </summary>
public sealed record AlertedDiagnosis(WorkingDiagnosis Diagnosis, CaseAlert? Alert)
{
    private static readonly (AlertKind Kind, WorkingDiagnosis Diagnosis)[] Precedence =
    [
        (AlertKind.MajorTrauma, WorkingDiagnosis.MajorTrauma),
        (AlertKind.Stemi, WorkingDiagnosis.Stemi),
        (AlertKind.SuspectedLvoStroke, WorkingDiagnosis.LargeVesselStroke),
        (AlertKind.SuspectedStroke, WorkingDiagnosis.Stroke),
    ];

    public static AlertedDiagnosis From(IEnumerable<CaseAlert> alerts)
    {
        var raised = alerts.ToArray();
        foreach (var (kind, diagnosis) in Precedence)
        {
            if (Array.Find(raised, a => a.Kind == kind) is { } alert)
            {
                return new AlertedDiagnosis(diagnosis, alert);
            }
        }

        return new AlertedDiagnosis(WorkingDiagnosis.General, null);
    }

    /// <summary>The reason shown beside each hospital, so the crew sees why the list is ordered for this diagnosis.</summary>
    public string? Reason => Alert is null ? null : $"working diagnosis {Diagnosis} from alert {Alert.Id} ({Alert.Summary})";
}
