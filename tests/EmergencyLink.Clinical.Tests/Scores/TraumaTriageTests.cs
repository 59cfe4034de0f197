using EmergencyLink.Clinical.Scores;

namespace EmergencyLink.Clinical.Tests.Scores;

public sealed class TraumaTriageTests
{
    // An adult with every vital sign recorded and normal, and no finding: meets nothing and leaves nothing unassessed.
    private static readonly TraumaAssessment Uninjured = new()
    {
        AgeYears = 40, Gcs = new GlasgowComaScale(4, 5, 6), RespiratoryRate = 16, OxygenSaturation = 98,
        OnSupplementalOxygen = false, SystolicBloodPressure = 120, HeartRate = 80,
    };

    private static TraumaCriterionMet Single(TraumaTriageResult result, TraumaCriterion criterion) =>
        Assert.Single(result.CriteriaMet, c => c.Criterion == criterion);

    [Fact]
    public void Normal_complete_findings_meet_no_criterion()
    {
        var result = TraumaTriage.Triage(Uninjured);

        Assert.Equal(TraumaTriageLevel.None, result.Level);
        Assert.False(result.IsMajorTrauma);
        Assert.Empty(result.CriteriaMet);
        Assert.Empty(result.NotAssessed);
        Assert.Equal("No field triage criterion met on the findings entered.", result.Recommendation);
    }

    public static TheoryData<TraumaAssessment, TraumaCriterion> InjuryPatterns => new()
    {
        { Uninjured with { PenetratingInjuryToHeadNeckTorsoOrProximalExtremity = true }, TraumaCriterion.PenetratingInjury },
        { Uninjured with { SkullDeformityOrSuspectedSkullFracture = true }, TraumaCriterion.SkullDeformityOrSuspectedSkullFracture },
        { Uninjured with { SuspectedSpinalInjuryWithNewMotorOrSensoryLoss = true }, TraumaCriterion.SpinalInjuryWithNewMotorOrSensoryLoss },
        { Uninjured with { ChestWallInstabilityDeformityOrSuspectedFlailChest = true }, TraumaCriterion.ChestWallInstabilityDeformityOrFlailChest },
        { Uninjured with { SuspectedPelvicFracture = true }, TraumaCriterion.SuspectedPelvicFracture },
        { Uninjured with { SuspectedFractureOfTwoOrMoreProximalLongBones = true }, TraumaCriterion.TwoOrMoreProximalLongBoneFractures },
        { Uninjured with { CrushedDeglovedMangledOrPulselessExtremity = true }, TraumaCriterion.CrushedDeglovedMangledOrPulselessExtremity },
        { Uninjured with { AmputationProximalToWristOrAnkle = true }, TraumaCriterion.AmputationProximalToWristOrAnkle },
        { Uninjured with { ActiveBleedingRequiringTourniquetOrWoundPacking = true }, TraumaCriterion.ActiveBleedingRequiringTourniquetOrWoundPacking },
        { Uninjured with { RespiratoryDistressOrNeedForRespiratorySupport = true }, TraumaCriterion.RespiratoryDistressOrNeedForRespiratorySupport },
    };

    [Theory]
    [MemberData(nameof(InjuryPatterns))]
    public void Each_red_finding_alone_makes_major_trauma(TraumaAssessment assessment, TraumaCriterion criterion)
    {
        var result = TraumaTriage.Triage(assessment);

        Assert.Equal(TraumaTriageLevel.Red, result.Level);
        Assert.True(result.IsMajorTrauma);
        var met = Assert.Single(result.CriteriaMet);
        Assert.Equal(criterion, met.Criterion);
        Assert.Equal(TraumaTriageLevel.Red, met.Level);
        Assert.StartsWith("meets red criterion: ", met.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("Meets RED criteria", result.Recommendation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8, true, "meets red criterion: RR 8 /min < 10")]
    [InlineData(9.9, true, "meets red criterion: RR 9.9 /min < 10")]
    [InlineData(10, false, null)]
    [InlineData(29, false, null)]
    [InlineData(29.5, true, "meets red criterion: RR 29.5 /min > 29")]
    [InlineData(30, true, "meets red criterion: RR 30 /min > 29")]
    public void Respiratory_rate_below_10_or_above_29_is_red(double rate, bool red, string? evidence)
    {
        var result = TraumaTriage.Triage(Uninjured with { RespiratoryRate = rate });

        Assert.Equal(red, result.IsMajorTrauma);
        if (evidence is not null)
        {
            Assert.Equal(evidence, Single(result, TraumaCriterion.RespiratoryRate).Evidence);
        }
    }

    [Theory]
    [InlineData(6, false)]
    [InlineData(5, true)]
    [InlineData(1, true)]
    public void Motor_gcs_below_6_is_unable_to_follow_commands(int motor, bool red)
    {
        var result = TraumaTriage.Triage(Uninjured with { Gcs = new GlasgowComaScale(4, 5, motor) });

        Assert.Equal(red, result.CriteriaMet.Any(c => c.Criterion == TraumaCriterion.UnableToFollowCommands));
    }

    [Fact]
    public void Intubated_patient_with_verbal_not_testable_is_still_judged_on_motor()
    {
        var result = TraumaTriage.Triage(Uninjured with { Gcs = new GlasgowComaScale(2, null, 4) });

        Assert.Equal("meets red criterion: unable to follow commands: motor GCS 4 < 6 (normal flexion)",
            Single(result, TraumaCriterion.UnableToFollowCommands).Evidence);
    }

    [Fact]
    public void Motor_not_testable_is_reported_as_not_assessed()
    {
        var result = TraumaTriage.Triage(Uninjured with { Gcs = new GlasgowComaScale(1, null, null) });

        Assert.Empty(result.CriteriaMet);
        Assert.Contains(result.NotAssessed, n => n.Contains("motor GCS not testable", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(89, false, true)]
    [InlineData(90, false, false)]
    [InlineData(85, true, true)]
    public void Room_air_saturation_below_90_is_red_and_a_low_reading_on_oxygen_counts_too(double spo2,
        bool onOxygen, bool red)
    {
        var result = TraumaTriage.Triage(Uninjured with { OxygenSaturation = spo2, OnSupplementalOxygen = onOxygen });

        Assert.Equal(red, result.IsMajorTrauma);
    }

    [Fact]
    public void Normal_saturation_on_oxygen_does_not_assess_the_room_air_criterion()
    {
        var result = TraumaTriage.Triage(Uninjured with { OxygenSaturation = 94, OnSupplementalOxygen = true });

        Assert.False(result.IsMajorTrauma);
        Assert.Contains(result.NotAssessed, n => n.StartsWith("room-air SpO2", StringComparison.Ordinal));
        Assert.Contains("Not assessed: room-air SpO2", result.Recommendation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 69, true, "meets red criterion: SBP 69 mmHg < 70 mmHg (70 + 2 × age 0 y)")]
    [InlineData(0, 70, false, null)]
    [InlineData(9, 87, true, "meets red criterion: SBP 87 mmHg < 88 mmHg (70 + 2 × age 9 y)")]
    [InlineData(9, 88, false, null)]
    [InlineData(10, 89, true, "meets red criterion: SBP 89 mmHg < 90 mmHg (age 10 y)")]
    [InlineData(10, 90, false, null)]
    [InlineData(64, 89.5, true, "meets red criterion: SBP 89.5 mmHg < 90 mmHg (age 64 y)")]
    [InlineData(64, 90, false, null)]
    [InlineData(65, 109, true, "meets red criterion: SBP 109 mmHg < 110 mmHg (age 65 y)")]
    [InlineData(65, 110, false, null)]
    public void Systolic_threshold_follows_the_age_band(int age, double sbp, bool red, string? evidence)
    {
        var result = TraumaTriage.Triage(Uninjured with { AgeYears = age, SystolicBloodPressure = sbp, HeartRate = 60 });

        Assert.Equal(red, result.IsMajorTrauma);
        if (evidence is not null)
        {
            Assert.Equal(evidence, Single(result, TraumaCriterion.SystolicBloodPressure).Evidence);
        }
    }

    [Theory]
    [InlineData(9, 125, 120, false)]
    [InlineData(10, 125, 120, true)]
    [InlineData(64, 120, 120, false)]
    [InlineData(65, 115, 112, true)]
    [InlineData(80, 111, 112, false)]
    public void Heart_rate_above_systolic_is_red_from_age_10(int age, double hr, double sbp, bool red)
    {
        var result = TraumaTriage.Triage(Uninjured with { AgeYears = age, HeartRate = hr, SystolicBloodPressure = sbp });

        Assert.Equal(red,
            result.CriteriaMet.Any(c => c.Criterion == TraumaCriterion.HeartRateGreaterThanSystolicBloodPressure));
    }

    [Fact]
    public void Without_age_a_systolic_below_every_age_threshold_is_still_red()
    {
        var result = TraumaTriage.Triage(Uninjured with { AgeYears = null, SystolicBloodPressure = 65, HeartRate = 60 });

        Assert.True(result.IsMajorTrauma);
        Assert.Contains("at any age", Single(result, TraumaCriterion.SystolicBloodPressure).Evidence,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Without_age_a_systolic_that_depends_on_age_is_not_assessed_rather_than_guessed()
    {
        var result = TraumaTriage.Triage(Uninjured with { AgeYears = null, SystolicBloodPressure = 85, HeartRate = 100 });

        Assert.Equal(TraumaTriageLevel.None, result.Level);
        Assert.Contains(result.NotAssessed, n => n.StartsWith("systolic blood pressure 85", StringComparison.Ordinal));
        Assert.Contains(result.NotAssessed, n => n.StartsWith("HR 100 /min > SBP 85", StringComparison.Ordinal));
        Assert.Contains(result.Advice, a => a.StartsWith("Age not recorded", StringComparison.Ordinal));
    }

    [Fact]
    public void Missing_vital_signs_are_listed_as_not_assessed()
    {
        var result = TraumaTriage.Triage(new TraumaAssessment { AgeYears = 30 });

        Assert.Equal(TraumaTriageLevel.None, result.Level);
        Assert.Equal(5, result.NotAssessed.Count);
        Assert.Contains("Not assessed:", result.Recommendation, StringComparison.Ordinal);
    }

    public static TheoryData<TraumaAssessment, TraumaCriterion> YellowFindings => new()
    {
        { Uninjured with { PartialOrCompleteEjection = true }, TraumaCriterion.Ejection },
        { Uninjured with { OccupantSiteIntrusionCentimetres = 31 }, TraumaCriterion.SignificantIntrusion },
        { Uninjured with { AnySiteIntrusionCentimetres = 46 }, TraumaCriterion.SignificantIntrusion },
        { Uninjured with { NeedForExtricationOfEntrappedPatient = true }, TraumaCriterion.ExtricationOfEntrappedPatient },
        { Uninjured with { DeathInPassengerCompartment = true }, TraumaCriterion.DeathInPassengerCompartment },
        { Uninjured with { AgeYears = 9, UnrestrainedOrInUnsecuredChildSafetySeat = true }, TraumaCriterion.UnrestrainedChild },
        { Uninjured with { VehicleTelemetryConsistentWithSevereInjury = true }, TraumaCriterion.VehicleTelemetryConsistentWithSevereInjury },
        { Uninjured with { RiderSeparatedWithSignificantImpact = true }, TraumaCriterion.RiderSeparatedFromVehicle },
        { Uninjured with { PedestrianOrCyclistThrownRunOverOrWithSignificantImpact = true }, TraumaCriterion.PedestrianOrCyclistStruck },
        { Uninjured with { FallHeightMetres = 3.1 }, TraumaCriterion.FallFromHeight },
        { Uninjured with { AgeYears = 5, LowLevelFallWithSignificantHeadImpact = true }, TraumaCriterion.LowLevelFallWithSignificantHeadImpact },
        { Uninjured with { AgeYears = 65, LowLevelFallWithSignificantHeadImpact = true }, TraumaCriterion.LowLevelFallWithSignificantHeadImpact },
        { Uninjured with { AnticoagulantUse = true }, TraumaCriterion.AnticoagulantUse },
        { Uninjured with { SuspectedChildAbuse = true }, TraumaCriterion.SuspectedChildAbuse },
        { Uninjured with { SpecialHighResourceHealthcareNeeds = true }, TraumaCriterion.SpecialHighResourceHealthcareNeeds },
        { Uninjured with { PregnancyWeeks = 21 }, TraumaCriterion.PregnancyOver20Weeks },
        { Uninjured with { BurnsInConjunctionWithTrauma = true }, TraumaCriterion.BurnsWithTrauma },
        { Uninjured with { CrewConcerned = true }, TraumaCriterion.CrewConcern },
    };

    [Theory]
    [MemberData(nameof(YellowFindings))]
    public void Each_mechanism_or_ems_judgment_finding_alone_is_yellow(TraumaAssessment assessment,
        TraumaCriterion criterion)
    {
        var result = TraumaTriage.Triage(assessment);

        Assert.Equal(TraumaTriageLevel.Yellow, result.Level);
        Assert.False(result.IsMajorTrauma);
        var met = Assert.Single(result.CriteriaMet);
        Assert.Equal(criterion, met.Criterion);
        Assert.StartsWith("meets yellow criterion: ", met.Evidence, StringComparison.Ordinal);
        Assert.StartsWith("Meets YELLOW criteria", result.Recommendation, StringComparison.Ordinal);
    }

    public static TheoryData<TraumaAssessment> JustShortOfYellow => new()
    {
        Uninjured with { OccupantSiteIntrusionCentimetres = 30.48 },
        Uninjured with { AnySiteIntrusionCentimetres = 45.72 },
        Uninjured with { OccupantSiteIntrusionCentimetres = 20, AnySiteIntrusionCentimetres = 40 },
        Uninjured with { FallHeightMetres = 3.048 },
        Uninjured with { AgeYears = 10, UnrestrainedOrInUnsecuredChildSafetySeat = true },
        Uninjured with { AgeYears = 6, LowLevelFallWithSignificantHeadImpact = true },
        Uninjured with { AgeYears = 64, LowLevelFallWithSignificantHeadImpact = true },
        Uninjured with { PregnancyWeeks = 20 },
    };

    [Theory]
    [MemberData(nameof(JustShortOfYellow))]
    public void Findings_at_or_outside_a_yellow_threshold_meet_nothing(TraumaAssessment assessment)
    {
        Assert.Equal(TraumaTriageLevel.None, TraumaTriage.Triage(assessment).Level);
    }

    [Fact]
    public void Intrusion_evidence_shows_the_measure_and_the_guideline_threshold()
    {
        var result = TraumaTriage.Triage(Uninjured with { OccupantSiteIntrusionCentimetres = 35 });

        Assert.Equal("meets yellow criterion: high-risk auto crash: intrusion 35 cm at an occupant site > 30.5 cm (12 in)",
            Single(result, TraumaCriterion.SignificantIntrusion).Evidence);
    }

    [Fact]
    public void Age_dependent_yellow_findings_without_age_are_not_assessed()
    {
        var result = TraumaTriage.Triage(Uninjured with
        {
            AgeYears = null, UnrestrainedOrInUnsecuredChildSafetySeat = true,
            LowLevelFallWithSignificantHeadImpact = true,
        });

        Assert.Equal(TraumaTriageLevel.None, result.Level);
        Assert.Contains(result.NotAssessed, n => n.StartsWith("unrestrained child", StringComparison.Ordinal));
        Assert.Contains(result.NotAssessed, n => n.StartsWith("low-level fall", StringComparison.Ordinal));
    }

    [Fact]
    public void Red_and_yellow_together_are_red_with_every_criterion_listed()
    {
        var result = TraumaTriage.Triage(Uninjured with
        {
            AgeYears = 70, SuspectedPelvicFracture = true, AnticoagulantUse = true, FallHeightMetres = 4,
            SystolicBloodPressure = 105, HeartRate = 110,
        });

        Assert.Equal(TraumaTriageLevel.Red, result.Level);
        Assert.Equal(
            [
                TraumaCriterion.SuspectedPelvicFracture, TraumaCriterion.SystolicBloodPressure,
                TraumaCriterion.HeartRateGreaterThanSystolicBloodPressure, TraumaCriterion.FallFromHeight,
                TraumaCriterion.AnticoagulantUse,
            ],
            result.CriteriaMet.Select(c => c.Criterion));
        Assert.Equal(3, result.CriteriaMet.Count(c => c.Level == TraumaTriageLevel.Red));
    }

    [Theory]
    [InlineData(17, true)]
    [InlineData(18, false)]
    public void Children_carry_the_paediatric_centre_advice(int age, bool advised)
    {
        var result = TraumaTriage.Triage(Uninjured with { AgeYears = age });

        Assert.Equal(advised, result.Advice.Any(a => a.Contains("paediatric-capable", StringComparison.Ordinal)));
    }

    [Fact]
    public void Every_criterion_belongs_to_the_chart_box_of_its_colour()
    {
        foreach (var criterion in Enum.GetValues<TraumaCriterion>())
        {
            var group = TraumaTriage.GroupOf(criterion);
            var name = criterion.ToString();
            var expected = criterion switch
            {
                TraumaCriterion.UnableToFollowCommands or TraumaCriterion.RespiratoryRate
                    or TraumaCriterion.RespiratoryDistressOrNeedForRespiratorySupport
                    or TraumaCriterion.RoomAirOxygenSaturation or TraumaCriterion.SystolicBloodPressure
                    or TraumaCriterion.HeartRateGreaterThanSystolicBloodPressure
                    => TraumaCriterionGroup.MentalStatusAndVitalSigns,
                TraumaCriterion.LowLevelFallWithSignificantHeadImpact or TraumaCriterion.AnticoagulantUse
                    or TraumaCriterion.SuspectedChildAbuse or TraumaCriterion.SpecialHighResourceHealthcareNeeds
                    or TraumaCriterion.PregnancyOver20Weeks or TraumaCriterion.BurnsWithTrauma
                    or TraumaCriterion.CrewConcern => TraumaCriterionGroup.EmsJudgment,
                TraumaCriterion.Ejection or TraumaCriterion.SignificantIntrusion
                    or TraumaCriterion.ExtricationOfEntrappedPatient or TraumaCriterion.DeathInPassengerCompartment
                    or TraumaCriterion.UnrestrainedChild or TraumaCriterion.VehicleTelemetryConsistentWithSevereInjury
                    or TraumaCriterion.RiderSeparatedFromVehicle or TraumaCriterion.PedestrianOrCyclistStruck
                    or TraumaCriterion.FallFromHeight => TraumaCriterionGroup.MechanismOfInjury,
                _ => TraumaCriterionGroup.InjuryPattern,
            };
            Assert.True(expected == group, $"{name} is in {group}, expected {expected}");
        }
    }

    [Fact]
    public void Impossible_measurements_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => TraumaTriage.Triage(Uninjured with { AgeYears = -1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TraumaTriage.Triage(Uninjured with { OxygenSaturation = 101 }));
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            TraumaTriage.Triage(Uninjured with { RespiratoryRate = double.NaN }));
        Assert.Throws<ArgumentOutOfRangeException>(() => TraumaTriage.Triage(Uninjured with { FallHeightMetres = -2 }));
    }
}
