using System.Globalization;

namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// The 2021 National Guideline for the Field Triage of Injured Patients (American College of Surgeons Committee on
/// Trauma with the National Expert Panel on Field Triage). Source: Newgard CD, Fischer PE, Gestring M, et al. National
/// guideline for the field triage of injured patients: recommendations of the National Expert Panel on Field Triage,
/// 2021. J Trauma Acute Care Surg 2022;93(2):e49–e60. doi:10.1097/TA.0000000000003627.
/// </summary>
/// <remarks>
/// The vital-sign thresholds are single strict inequalities with no gaps between bands (unlike NEWS2), so measured
/// values are compared as entered, without rounding. Imperial thresholds are converted exactly: 12 in = 30.48 cm,
/// 18 in = 45.72 cm, 10 ft = 3.048 m.
/// </remarks>
public static class TraumaTriage
{
    // Written as the exact decimal conversions (12 in, 18 in, 10 ft) so that a value entered as exactly the threshold
    // compares equal to it instead of landing on either side of a binary rounding of 12 * 2.54.
    private const double OccupantSiteIntrusionThresholdCentimetres = 30.48;
    private const double AnySiteIntrusionThresholdCentimetres = 45.72;
    private const double FallHeightThresholdMetres = 3.048;

    // The chart does not say what age "children" means for its paediatric-centre advice; under 18 is used so that
    // no child misses the note, and the regional trauma system decides where an adolescent goes.
    private const int ChildAdviceBelowAgeYears = 18;

    public static TraumaTriageResult Triage(TraumaAssessment assessment)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        Validate(assessment);

        var met = new List<TraumaCriterionMet>();
        var notAssessed = new List<string>();
        var advice = new List<string>();
        var age = assessment.AgeYears;

        InjuryPatterns(assessment, met);
        MentalStatusAndVitalSigns(assessment, met, notAssessed);
        MechanismOfInjury(assessment, met, notAssessed);
        EmsJudgment(assessment, met, notAssessed);

        if (age is < ChildAdviceBelowAgeYears)
        {
            advice.Add($"Age {age} y: the guideline advises that children be triaged preferentially to "
                + "paediatric-capable trauma centres");
        }

        if (age is null)
        {
            advice.Add("Age not recorded: the systolic pressure threshold, HR > SBP, the unrestrained-child and "
                + "low-level-fall criteria depend on it");
        }

        return new TraumaTriageResult(met, notAssessed, advice);
    }

    private static void InjuryPatterns(TraumaAssessment a, List<TraumaCriterionMet> met)
    {
        Flag(met, a.PenetratingInjuryToHeadNeckTorsoOrProximalExtremity, TraumaCriterion.PenetratingInjury,
            "penetrating injury to head, neck, torso or proximal extremity");
        Flag(met, a.SkullDeformityOrSuspectedSkullFracture, TraumaCriterion.SkullDeformityOrSuspectedSkullFracture,
            "skull deformity or suspected skull fracture");
        Flag(met, a.SuspectedSpinalInjuryWithNewMotorOrSensoryLoss,
            TraumaCriterion.SpinalInjuryWithNewMotorOrSensoryLoss,
            "suspected spinal injury with new motor or sensory loss");
        Flag(met, a.ChestWallInstabilityDeformityOrSuspectedFlailChest,
            TraumaCriterion.ChestWallInstabilityDeformityOrFlailChest,
            "chest wall instability, deformity or suspected flail chest");
        Flag(met, a.SuspectedPelvicFracture, TraumaCriterion.SuspectedPelvicFracture, "suspected pelvic fracture");
        Flag(met, a.SuspectedFractureOfTwoOrMoreProximalLongBones, TraumaCriterion.TwoOrMoreProximalLongBoneFractures,
            "suspected fracture of two or more proximal long bones");
        Flag(met, a.CrushedDeglovedMangledOrPulselessExtremity,
            TraumaCriterion.CrushedDeglovedMangledOrPulselessExtremity,
            "crushed, degloved, mangled or pulseless extremity");
        Flag(met, a.AmputationProximalToWristOrAnkle, TraumaCriterion.AmputationProximalToWristOrAnkle,
            "amputation proximal to wrist or ankle");
        Flag(met, a.ActiveBleedingRequiringTourniquetOrWoundPacking,
            TraumaCriterion.ActiveBleedingRequiringTourniquetOrWoundPacking,
            "active bleeding requiring a tourniquet or wound packing with continuous pressure");
    }

    private static void MentalStatusAndVitalSigns(
        TraumaAssessment a, List<TraumaCriterionMet> met, List<string> notAssessed)
    {
        switch (a.Gcs?.Motor)
        {
            case { } motor when motor < 6:
                Add(met, TraumaCriterion.UnableToFollowCommands,
                    $"unable to follow commands: motor GCS {motor} < 6 ({GlasgowComaScale.DescribeMotor(motor)})");
                break;
            case null when a.Gcs is null:
                notAssessed.Add("ability to follow commands (no GCS recorded)");
                break;
            case null:
                notAssessed.Add("ability to follow commands (motor GCS not testable)");
                break;
        }

        if (a.RespiratoryRate is { } rr)
        {
            if (rr < 10)
            {
                Add(met, TraumaCriterion.RespiratoryRate, $"RR {N(rr)} /min < 10");
            }
            else if (rr > 29)
            {
                Add(met, TraumaCriterion.RespiratoryRate, $"RR {N(rr)} /min > 29");
            }
        }
        else
        {
            notAssessed.Add("respiratory rate (not recorded)");
        }

        Flag(met, a.RespiratoryDistressOrNeedForRespiratorySupport,
            TraumaCriterion.RespiratoryDistressOrNeedForRespiratorySupport,
            "respiratory distress or need for respiratory support");

        // A saturation below 90 % on oxygen (or unknown) can only be lower on room air, so it meets the room-air
        // criterion; a saturation of 90 % or more on oxygen says nothing about room air.
        if (a.OxygenSaturation is { } spo2)
        {
            if (spo2 < 90)
            {
                var how = a.OnSupplementalOxygen switch
                {
                    false => "on room air",
                    true => "on supplemental oxygen, so no higher on room air",
                    null => "(air or oxygen unknown; no higher on room air)",
                };
                Add(met, TraumaCriterion.RoomAirOxygenSaturation, $"SpO2 {N(spo2)} % {how} < 90 %");
            }
            else if (a.OnSupplementalOxygen != false)
            {
                notAssessed.Add($"room-air SpO2 (SpO2 {N(spo2)} % was not measured on room air)");
            }
        }
        else
        {
            notAssessed.Add("room-air SpO2 (not recorded)");
        }

        SystolicAndHeartRate(a, met, notAssessed);
    }

    private static void SystolicAndHeartRate(TraumaAssessment a, List<TraumaCriterionMet> met, List<string> notAssessed)
    {
        if (a.SystolicBloodPressure is not { } sbp)
        {
            notAssessed.Add("systolic blood pressure (not recorded)");
            if (a.AgeYears is not <= 9)
            {
                notAssessed.Add("HR > SBP (systolic blood pressure not recorded)");
            }

            return;
        }

        if (a.AgeYears is { } age)
        {
            var (threshold, why) = age switch
            {
                <= 9 => (70.0 + (2.0 * age), $"70 + 2 × age {age} y"),
                <= 64 => (90.0, $"age {age} y"),
                _ => (110.0, $"age {age} y"),
            };
            if (sbp < threshold)
            {
                Add(met, TraumaCriterion.SystolicBloodPressure,
                    $"SBP {N(sbp)} mmHg < {N(threshold)} mmHg ({why})");
            }
        }
        else if (sbp < 70)
        {
            // 70 mmHg is the lowest threshold at any age (a newborn's), so this is met whatever the age.
            Add(met, TraumaCriterion.SystolicBloodPressure, $"SBP {N(sbp)} mmHg < 70 mmHg (the threshold at any age)");
        }
        else
        {
            notAssessed.Add($"systolic blood pressure {N(sbp)} mmHg against its age threshold (age not recorded)");
        }

        if (a.HeartRate is not { } hr)
        {
            notAssessed.Add("HR > SBP (heart rate not recorded)");
        }
        else if (a.AgeYears is null)
        {
            if (hr > sbp)
            {
                notAssessed.Add($"HR {N(hr)} /min > SBP {N(sbp)} mmHg applies from age 10 (age not recorded)");
            }
        }
        else if (a.AgeYears >= 10 && hr > sbp)
        {
            Add(met, TraumaCriterion.HeartRateGreaterThanSystolicBloodPressure,
                $"HR {N(hr)} /min > SBP {N(sbp)} mmHg (age {a.AgeYears} y)");
        }
    }

    private static void MechanismOfInjury(TraumaAssessment a, List<TraumaCriterionMet> met, List<string> notAssessed)
    {
        Flag(met, a.PartialOrCompleteEjection, TraumaCriterion.Ejection, "high-risk auto crash: partial or complete ejection");

        if (a.OccupantSiteIntrusionCentimetres is { } occupant && occupant > OccupantSiteIntrusionThresholdCentimetres)
        {
            Add(met, TraumaCriterion.SignificantIntrusion,
                $"high-risk auto crash: intrusion {N(occupant)} cm at an occupant site > 30.5 cm (12 in)");
        }
        else if (a.AnySiteIntrusionCentimetres is { } any && any > AnySiteIntrusionThresholdCentimetres)
        {
            Add(met, TraumaCriterion.SignificantIntrusion,
                $"high-risk auto crash: intrusion {N(any)} cm > 45.7 cm (18 in)");
        }

        Flag(met, a.NeedForExtricationOfEntrappedPatient, TraumaCriterion.ExtricationOfEntrappedPatient,
            "high-risk auto crash: need for extrication of an entrapped patient");
        Flag(met, a.DeathInPassengerCompartment, TraumaCriterion.DeathInPassengerCompartment,
            "high-risk auto crash: death in the passenger compartment");

        if (a.UnrestrainedOrInUnsecuredChildSafetySeat)
        {
            switch (a.AgeYears)
            {
                case <= 9:
                    Add(met, TraumaCriterion.UnrestrainedChild,
                        $"high-risk auto crash: child aged {a.AgeYears} y unrestrained or in an unsecured child safety seat");
                    break;
                case null:
                    notAssessed.Add("unrestrained child (applies to ages 0–9; age not recorded)");
                    break;
            }
        }

        Flag(met, a.VehicleTelemetryConsistentWithSevereInjury,
            TraumaCriterion.VehicleTelemetryConsistentWithSevereInjury,
            "high-risk auto crash: vehicle telemetry data consistent with severe injury");
        Flag(met, a.RiderSeparatedWithSignificantImpact, TraumaCriterion.RiderSeparatedFromVehicle,
            "rider separated from transport vehicle with significant impact");
        Flag(met, a.PedestrianOrCyclistThrownRunOverOrWithSignificantImpact, TraumaCriterion.PedestrianOrCyclistStruck,
            "pedestrian or bicycle rider thrown, run over, or with significant impact");

        if (a.FallHeightMetres is { } fall && fall > FallHeightThresholdMetres)
        {
            Add(met, TraumaCriterion.FallFromHeight, $"fall from {N(fall)} m > 3.05 m (10 ft)");
        }
    }

    private static void EmsJudgment(TraumaAssessment a, List<TraumaCriterionMet> met, List<string> notAssessed)
    {
        if (a.LowLevelFallWithSignificantHeadImpact)
        {
            switch (a.AgeYears)
            {
                case <= 5 or >= 65:
                    Add(met, TraumaCriterion.LowLevelFallWithSignificantHeadImpact,
                        $"low-level fall with significant head impact at age {a.AgeYears} y (≤ 5 or ≥ 65)");
                    break;
                case null:
                    notAssessed.Add("low-level fall with head impact (applies to ages ≤ 5 and ≥ 65; age not recorded)");
                    break;
            }
        }

        Flag(met, a.AnticoagulantUse, TraumaCriterion.AnticoagulantUse, "anticoagulant use");
        Flag(met, a.SuspectedChildAbuse, TraumaCriterion.SuspectedChildAbuse, "suspicion of child abuse");
        Flag(met, a.SpecialHighResourceHealthcareNeeds, TraumaCriterion.SpecialHighResourceHealthcareNeeds,
            "special, high-resource healthcare needs");
        if (a.PregnancyWeeks is { } weeks && weeks > 20)
        {
            Add(met, TraumaCriterion.PregnancyOver20Weeks, $"pregnancy {weeks} weeks > 20 weeks");
        }

        Flag(met, a.BurnsInConjunctionWithTrauma, TraumaCriterion.BurnsWithTrauma, "burns in conjunction with trauma");
        Flag(met, a.CrewConcerned, TraumaCriterion.CrewConcern, "crew concerned (EMS judgment)");
    }

    private static void Flag(List<TraumaCriterionMet> met, bool present, TraumaCriterion criterion, string finding)
    {
        if (present)
        {
            Add(met, criterion, finding);
        }
    }

    private static void Add(List<TraumaCriterionMet> met, TraumaCriterion criterion, string finding)
    {
        var group = GroupOf(criterion);
        var level = group is TraumaCriterionGroup.InjuryPattern or TraumaCriterionGroup.MentalStatusAndVitalSigns
            ? TraumaTriageLevel.Red
            : TraumaTriageLevel.Yellow;
        var colour = level == TraumaTriageLevel.Red ? "red" : "yellow";
        met.Add(new TraumaCriterionMet(criterion, group, level, $"meets {colour} criterion: {finding}"));
    }

    public static TraumaCriterionGroup GroupOf(TraumaCriterion criterion) => criterion switch
    {
        <= TraumaCriterion.ActiveBleedingRequiringTourniquetOrWoundPacking => TraumaCriterionGroup.InjuryPattern,
        <= TraumaCriterion.HeartRateGreaterThanSystolicBloodPressure => TraumaCriterionGroup.MentalStatusAndVitalSigns,
        <= TraumaCriterion.FallFromHeight => TraumaCriterionGroup.MechanismOfInjury,
        <= TraumaCriterion.CrewConcern => TraumaCriterionGroup.EmsJudgment,
        _ => throw new ArgumentOutOfRangeException(nameof(criterion), criterion, "Not a field triage criterion."),
    };

    private static string N(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static void Validate(TraumaAssessment assessment)
    {
        var a = assessment;
        if (a.AgeYears is < 0 or > 130)
        {
            throw new ArgumentOutOfRangeException(nameof(assessment), a.AgeYears, "AgeYears must be 0–130 completed years.");
        }

        if (a.PregnancyWeeks is < 0 or > 45)
        {
            throw new ArgumentOutOfRangeException(nameof(assessment), a.PregnancyWeeks, "PregnancyWeeks must be 0–45.");
        }

        Measurement(a.RespiratoryRate, nameof(a.RespiratoryRate), 1000);
        Measurement(a.OxygenSaturation, nameof(a.OxygenSaturation), 100);
        Measurement(a.SystolicBloodPressure, nameof(a.SystolicBloodPressure), 1000);
        Measurement(a.HeartRate, nameof(a.HeartRate), 1000);
        Measurement(a.OccupantSiteIntrusionCentimetres, nameof(a.OccupantSiteIntrusionCentimetres), 1000);
        Measurement(a.AnySiteIntrusionCentimetres, nameof(a.AnySiteIntrusionCentimetres), 1000);
        Measurement(a.FallHeightMetres, nameof(a.FallHeightMetres), 10000);
    }

    private static void Measurement(double? value, string name, double maximum)
    {
        if (value is { } v && (!double.IsFinite(v) || v < 0 || v > maximum))
        {
            throw new ArgumentOutOfRangeException("assessment", v,
                $"{name} must be a finite measurement between 0 and {maximum} (null when not measured).");
        }
    }
}
