using EmergencyLink.Domain.Documentation;

namespace EmergencyLink.Consoles.Components.Pages;

/// <summary>What the crew is typing on the crew screen; each panel submits its own fields.</summary>
public sealed class CrewForm
{
    public CareEntryKind EntryKind { get; set; } = CareEntryKind.Treatment;

    public string? EntryText { get; set; }

    public double? Dose { get; set; }

    public string? DoseUnit { get; set; }

    public string? Route { get; set; }

    public int? GcsEye { get; set; }

    public int? GcsVerbal { get; set; }

    public int? GcsMotor { get; set; }

    public int? PainScore { get; set; }

    public string? PainSite { get; set; }

    public string? PatientName { get; set; }

    public AdministrativeSex PatientSex { get; set; } = AdministrativeSex.Unknown;

    public int? PatientAge { get; set; }

    public bool AgeEstimated { get; set; } = true;

    public string? PreAlertMessage { get; set; }

    public string? MessageText { get; set; }
}
