namespace EmergencyLink.Clinical.Scores;

/// <summary>Every criterion of the 2021 National Guideline for the Field Triage of Injured Patients, in chart order.</summary>
public enum TraumaCriterion
{
    // Red: injury patterns.
    PenetratingInjury,
    SkullDeformityOrSuspectedSkullFracture,
    SpinalInjuryWithNewMotorOrSensoryLoss,
    ChestWallInstabilityDeformityOrFlailChest,
    SuspectedPelvicFracture,
    TwoOrMoreProximalLongBoneFractures,
    CrushedDeglovedMangledOrPulselessExtremity,
    AmputationProximalToWristOrAnkle,
    ActiveBleedingRequiringTourniquetOrWoundPacking,

    // Red: mental status and vital signs.
    UnableToFollowCommands,
    RespiratoryRate,
    RespiratoryDistressOrNeedForRespiratorySupport,
    RoomAirOxygenSaturation,
    SystolicBloodPressure,
    HeartRateGreaterThanSystolicBloodPressure,

    // Yellow: mechanism of injury.
    Ejection,
    SignificantIntrusion,
    ExtricationOfEntrappedPatient,
    DeathInPassengerCompartment,
    UnrestrainedChild,
    VehicleTelemetryConsistentWithSevereInjury,
    RiderSeparatedFromVehicle,
    PedestrianOrCyclistStruck,
    FallFromHeight,

    // Yellow: EMS judgment.
    LowLevelFallWithSignificantHeadImpact,
    AnticoagulantUse,
    SuspectedChildAbuse,
    SpecialHighResourceHealthcareNeeds,
    PregnancyOver20Weeks,
    BurnsWithTrauma,
    CrewConcern,
}
