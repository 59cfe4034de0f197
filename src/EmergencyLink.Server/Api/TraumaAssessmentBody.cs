namespace EmergencyLink.Server.Api;

/// <summary>
/// A crew's trauma assessment for the 2021 field triage guideline. Kept apart from the library's
/// <c>TraumaAssessment</c> so the wire contract can stay stable while the library changes, and because the GCS is
/// validated on construction there, which must become a 400 naming the field rather than a failed bind. A flag left
/// out was looked for and not found; a measurement left out was not taken and is reported as not assessed.
/// </summary>
public sealed record TraumaAssessmentBody
{
    public int? AgeYears { get; init; }

    public bool PenetratingInjuryToHeadNeckTorsoOrProximalExtremity { get; init; }

    public bool SkullDeformityOrSuspectedSkullFracture { get; init; }

    public bool SuspectedSpinalInjuryWithNewMotorOrSensoryLoss { get; init; }

    public bool ChestWallInstabilityDeformityOrSuspectedFlailChest { get; init; }

    public bool SuspectedPelvicFracture { get; init; }

    public bool SuspectedFractureOfTwoOrMoreProximalLongBones { get; init; }

    public bool CrushedDeglovedMangledOrPulselessExtremity { get; init; }

    public bool AmputationProximalToWristOrAnkle { get; init; }

    public bool ActiveBleedingRequiringTourniquetOrWoundPacking { get; init; }

    public GcsBody? Gcs { get; init; }

    public double? RespiratoryRate { get; init; }

    public bool RespiratoryDistressOrNeedForRespiratorySupport { get; init; }

    public double? OxygenSaturation { get; init; }

    public bool? OnSupplementalOxygen { get; init; }

    public double? SystolicBloodPressure { get; init; }

    public double? HeartRate { get; init; }

    public bool PartialOrCompleteEjection { get; init; }

    public double? OccupantSiteIntrusionCentimetres { get; init; }

    public double? AnySiteIntrusionCentimetres { get; init; }

    public bool NeedForExtricationOfEntrappedPatient { get; init; }

    public bool DeathInPassengerCompartment { get; init; }

    public bool UnrestrainedOrInUnsecuredChildSafetySeat { get; init; }

    public bool VehicleTelemetryConsistentWithSevereInjury { get; init; }

    public bool RiderSeparatedWithSignificantImpact { get; init; }

    public bool PedestrianOrCyclistThrownRunOverOrWithSignificantImpact { get; init; }

    public double? FallHeightMetres { get; init; }

    public bool LowLevelFallWithSignificantHeadImpact { get; init; }

    public bool AnticoagulantUse { get; init; }

    public bool SuspectedChildAbuse { get; init; }

    public bool SpecialHighResourceHealthcareNeeds { get; init; }

    public int? PregnancyWeeks { get; init; }

    public bool BurnsInConjunctionWithTrauma { get; init; }

    public bool CrewConcerned { get; init; }
}
