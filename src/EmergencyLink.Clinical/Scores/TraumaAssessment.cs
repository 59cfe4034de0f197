namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// What the crew found at an injury, for the 2021 field triage guideline. A flag left false was looked for and not
/// found (or not applicable); a null measurement was not taken, and the criteria that need it are reported as not
/// assessed rather than as not met. Lengths are metric (the guideline's inches and feet are converted where compared).
/// </summary>
public sealed record TraumaAssessment
{
    /// <summary>Completed years; several criteria depend on age bands (0–9, 10–64, ≥ 65; ≤ 5 for falls).</summary>
    public int? AgeYears { get; init; }

    // Red: injury patterns.
    public bool PenetratingInjuryToHeadNeckTorsoOrProximalExtremity { get; init; }

    public bool SkullDeformityOrSuspectedSkullFracture { get; init; }

    public bool SuspectedSpinalInjuryWithNewMotorOrSensoryLoss { get; init; }

    public bool ChestWallInstabilityDeformityOrSuspectedFlailChest { get; init; }

    public bool SuspectedPelvicFracture { get; init; }

    public bool SuspectedFractureOfTwoOrMoreProximalLongBones { get; init; }

    public bool CrushedDeglovedMangledOrPulselessExtremity { get; init; }

    public bool AmputationProximalToWristOrAnkle { get; init; }

    public bool ActiveBleedingRequiringTourniquetOrWoundPacking { get; init; }

    // Red: mental status and vital signs.
    public GlasgowComaScale? Gcs { get; init; }

    /// <summary>Breaths per minute.</summary>
    public double? RespiratoryRate { get; init; }

    public bool RespiratoryDistressOrNeedForRespiratorySupport { get; init; }

    /// <summary>SpO2 in per cent.</summary>
    public double? OxygenSaturation { get; init; }

    /// <summary>Whether <see cref="OxygenSaturation"/> was measured on supplemental oxygen; null when unknown.</summary>
    public bool? OnSupplementalOxygen { get; init; }

    /// <summary>mmHg.</summary>
    public double? SystolicBloodPressure { get; init; }

    /// <summary>Beats per minute.</summary>
    public double? HeartRate { get; init; }

    // Yellow: mechanism of injury — high-risk auto crash.
    public bool PartialOrCompleteEjection { get; init; }

    /// <summary>Intrusion, including roof, at an occupant site, in cm (the guideline's threshold is &gt; 12 in).</summary>
    public double? OccupantSiteIntrusionCentimetres { get; init; }

    /// <summary>Largest intrusion, including roof, at any site, in cm (the guideline's threshold is &gt; 18 in).</summary>
    public double? AnySiteIntrusionCentimetres { get; init; }

    public bool NeedForExtricationOfEntrappedPatient { get; init; }

    public bool DeathInPassengerCompartment { get; init; }

    /// <summary>Occupant unrestrained or in an unsecured child safety seat; a criterion for children aged 0–9.</summary>
    public bool UnrestrainedOrInUnsecuredChildSafetySeat { get; init; }

    public bool VehicleTelemetryConsistentWithSevereInjury { get; init; }

    // Yellow: mechanism of injury — other.

    /// <summary>Rider separated from a transport vehicle (motorcycle, ATV, horse…) with significant impact.</summary>
    public bool RiderSeparatedWithSignificantImpact { get; init; }

    public bool PedestrianOrCyclistThrownRunOverOrWithSignificantImpact { get; init; }

    /// <summary>Fall height in metres (the guideline's threshold is &gt; 10 ft, all ages).</summary>
    public double? FallHeightMetres { get; init; }

    // Yellow: EMS judgment.

    /// <summary>Low-level fall with significant head impact; a criterion for ages ≤ 5 and ≥ 65.</summary>
    public bool LowLevelFallWithSignificantHeadImpact { get; init; }

    public bool AnticoagulantUse { get; init; }

    public bool SuspectedChildAbuse { get; init; }

    public bool SpecialHighResourceHealthcareNeeds { get; init; }

    /// <summary>Completed weeks of pregnancy, null when not pregnant or unknown.</summary>
    public int? PregnancyWeeks { get; init; }

    public bool BurnsInConjunctionWithTrauma { get; init; }

    /// <summary>The crew is concerned for another reason (the chart: "If concerned, take to a trauma center").</summary>
    public bool CrewConcerned { get; init; }
}
