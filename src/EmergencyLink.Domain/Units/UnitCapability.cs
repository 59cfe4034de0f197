namespace EmergencyLink.Domain.Units;

/// <summary>Clinical level of an ambulance crew.</summary>
public enum UnitCapability
{
    /// <summary>Basic life support: EMTs, no drugs beyond the basic formulary, no advanced airway.</summary>
    BLS,

    /// <summary>Advanced life support: paramedics, 12-lead ECG, IV drugs, advanced airway. Required for priority 1.</summary>
    ALS,
}
