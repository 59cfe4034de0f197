using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Tests.St;

public sealed class StemiCriteriaTests
{
    // Written out from the brief's definition (groups, precordial and Cabrera neighbours), not from the code.
    private static readonly string[] ExpectedContiguous =
    [
        "II-III", "II-aVF", "III-aVF",
        "I-aVL", "I-V5", "I-V6", "aVL-V5", "aVL-V6", "V5-V6",
        "V1-V2", "V1-V3", "V1-V4", "V2-V3", "V2-V4", "V3-V4",
        "V4-V5",
    ];

    [Theory]
    [InlineData("II", "III")]
    [InlineData("II", "aVF")]
    [InlineData("III", "aVF")]
    [InlineData("I", "aVL")]
    [InlineData("V5", "V6")]
    [InlineData("V4", "V5")]
    [InlineData("I", "V6")]
    [InlineData("V1", "V4")]
    public void Meets_at_0_11_mV_but_not_at_0_09_mV_in_two_contiguous_leads_outside_V2_V3(string first, string second)
    {
        Assert.True(Assess((first, 0.11), (second, 0.11)).Met);
        Assert.False(Assess((first, 0.09), (second, 0.09)).Met);
        Assert.False(Assess((first, 0.11), (second, 0.09)).Met);
        Assert.False(Assess((first, 0.09), (second, 0.11)).Met);
    }

    [Theory]
    [InlineData(PatientSex.Male, 45, 0.19, false)]
    [InlineData(PatientSex.Male, 45, 0.21, true)]
    [InlineData(PatientSex.Male, 40, 0.19, false)]
    [InlineData(PatientSex.Male, 40, 0.21, true)]
    [InlineData(PatientSex.Male, 39, 0.21, false)]
    [InlineData(PatientSex.Male, 39, 0.24, false)]
    [InlineData(PatientSex.Male, 39, 0.26, true)]
    [InlineData(PatientSex.Male, null, 0.19, false)]
    [InlineData(PatientSex.Male, null, 0.21, true)]
    [InlineData(PatientSex.Female, 30, 0.14, false)]
    [InlineData(PatientSex.Female, 30, 0.16, true)]
    [InlineData(PatientSex.Female, 75, 0.14, false)]
    [InlineData(PatientSex.Female, 75, 0.16, true)]
    [InlineData(PatientSex.Unknown, null, 0.19, false)]
    [InlineData(PatientSex.Unknown, null, 0.21, true)]
    [InlineData(PatientSex.Unknown, 30, 0.19, false)]
    [InlineData(PatientSex.Unknown, 30, 0.21, true)]
    [InlineData(PatientSex.Female, null, 0.16, true)]
    public void V2_V3_threshold_depends_on_sex_and_age(PatientSex sex, int? age, double st, bool expected)
    {
        var assessment = StemiCriteria.Assess(Measurements.With(("V2", st), ("V3", st)), sex, age);

        Assert.Equal(expected, assessment.Met);
    }

    [Theory]
    [InlineData(PatientSex.Male, 39, 0.25)]
    [InlineData(PatientSex.Male, 40, 0.20)]
    [InlineData(PatientSex.Female, 20, 0.15)]
    [InlineData(PatientSex.Unknown, 50, 0.20)]
    public void V2_V3_elevation_of_0_12_mV_with_V4_meets_only_through_V4_when_below_the_v2_v3_threshold(
        PatientSex sex, int age, double v2v3Threshold)
    {
        var assessment = StemiCriteria.Assess(Measurements.With(("V2", 0.12), ("V3", 0.12), ("V4", 0.12)), sex, age);

        Assert.Equal(v2v3Threshold, assessment.V2V3ThresholdMillivolts, 9);
        Assert.False(assessment.Met);
        Assert.Equal(["V4"], assessment.ElevatedLeads.Select(e => e.Lead));
    }

    [Theory]
    [InlineData("I")]
    [InlineData("II")]
    [InlineData("III")]
    [InlineData("aVR")]
    [InlineData("aVL")]
    [InlineData("aVF")]
    [InlineData("V1")]
    [InlineData("V2")]
    [InlineData("V3")]
    [InlineData("V4")]
    [InlineData("V5")]
    [InlineData("V6")]
    public void One_lead_alone_never_meets_however_high(string lead)
    {
        Assert.False(Assess((lead, 0.8)).Met);
        Assert.False(Assess((lead, -0.8)).Met);
    }

    [Theory]
    [InlineData("I", "II")]
    [InlineData("I", "III")]
    [InlineData("aVL", "III")]
    [InlineData("aVL", "aVF")]
    [InlineData("II", "V1")]
    [InlineData("aVF", "V4")]
    [InlineData("III", "V5")]
    [InlineData("V1", "V5")]
    [InlineData("V2", "V6")]
    [InlineData("V3", "V5")]
    [InlineData("aVR", "II")]
    [InlineData("aVR", "aVL")]
    [InlineData("aVR", "V1")]
    public void Two_non_contiguous_leads_never_meet(string first, string second)
    {
        var assessment = Assess((first, 0.5), (second, 0.5));

        Assert.False(assessment.Met);
        Assert.Empty(assessment.ContiguousPairs);
    }

    [Fact]
    public void Contiguity_of_the_12_leads_is_exactly_the_lead_groups_and_the_precordial_and_cabrera_neighbours()
    {
        var leads = StandardLeads.All;
        for (var i = 0; i < leads.Count; i++)
        {
            for (var j = i + 1; j < leads.Count; j++)
            {
                var expected = ExpectedContiguous.Contains($"{leads[i]}-{leads[j]}")
                               || ExpectedContiguous.Contains($"{leads[j]}-{leads[i]}");
                Assert.True(expected == StemiCriteria.AreContiguous(leads[i], leads[j]), $"{leads[i]}-{leads[j]}");
                Assert.True(expected == Assess((leads[i], 0.3), (leads[j], 0.3)).Met, $"{leads[i]}-{leads[j]} met");
            }
        }
    }

    [Theory]
    [InlineData("I")]
    [InlineData("II")]
    public void St_depression_in_aVR_is_elevation_in_minus_aVR_contiguous_with_I_and_II(string neighbour)
    {
        var assessment = Assess(("aVR", -0.15), (neighbour, 0.15));

        Assert.True(assessment.Met);
        var pair = Assert.Single(assessment.ContiguousPairs);
        Assert.Contains(StemiCriteria.InvertedAvr, new[] { pair.FirstLead, pair.SecondLead });
        Assert.Equal(neighbour == "I" ? StemiTerritory.Lateral : StemiTerritory.Inferior, assessment.Territories);
    }

    [Theory]
    [InlineData("II,III,aVF", StemiTerritory.Inferior)]
    [InlineData("V1,V2", StemiTerritory.Septal)]
    [InlineData("V3,V4", StemiTerritory.Anterior)]
    [InlineData("V2,V3", StemiTerritory.Septal | StemiTerritory.Anterior)]
    [InlineData("V1,V2,V3,V4", StemiTerritory.Septal | StemiTerritory.Anterior)]
    [InlineData("I,aVL", StemiTerritory.Lateral)]
    [InlineData("V5,V6", StemiTerritory.Lateral)]
    [InlineData("V4,V5", StemiTerritory.Anterior | StemiTerritory.Lateral)]
    [InlineData("II,III,V5,V6", StemiTerritory.Inferior | StemiTerritory.Lateral)]
    public void Reports_the_territory_of_the_contiguous_leads_that_met(string leads, StemiTerritory expected)
    {
        var assessment = Assess(leads.Split(',').Select(l => (l, 0.3)).ToArray());

        Assert.True(assessment.Met);
        Assert.Equal(expected, assessment.Territories);
    }

    [Fact]
    public void Lists_every_lead_at_its_threshold_and_the_pairs_that_met()
    {
        var measurement = Measurements.With(("II", 0.20), ("III", 0.15), ("aVF", 0.09), ("V2", 0.18), ("V6", 0.12));

        var assessment = StemiCriteria.Assess(measurement, PatientSex.Female, 62);

        Assert.True(assessment.Met);
        Assert.Equal(
            [("II", 0.20, 0.1), ("III", 0.15, 0.1), ("V2", 0.18, 0.15), ("V6", 0.12, 0.1)],
            assessment.ElevatedLeads.Select(e => (e.Lead, Math.Round(e.JPointMillivolts, 3), Math.Round(e.ThresholdMillivolts, 3))));
        Assert.Equal([new ContiguousLeadPair("II", "III", StemiTerritory.Inferior)], assessment.ContiguousPairs);
        Assert.Equal(StemiTerritory.Inferior, assessment.Territories);
    }

    [Fact]
    public void Reports_reciprocal_depression_of_at_least_0_05_mV_opposite_an_inferior_stemi()
    {
        var assessment = Assess(("II", 0.25), ("III", 0.3), ("aVF", 0.28), ("I", -0.06), ("aVL", -0.15), ("V2", -0.2));

        Assert.True(assessment.Met);
        Assert.Equal(["I", "aVL"], assessment.ReciprocalDepression.Select(r => r.Lead));
        Assert.Empty(Assess(("II", 0.25), ("III", 0.3), ("aVL", -0.04)).ReciprocalDepression);
    }

    [Fact]
    public void Reports_inferior_depression_opposite_an_anterior_stemi()
    {
        var assessment = Assess(("V2", 0.35), ("V3", 0.4), ("V4", 0.3), ("III", -0.12), ("aVF", -0.07), ("aVL", -0.1));

        Assert.Equal(StemiTerritory.Septal | StemiTerritory.Anterior, assessment.Territories);
        Assert.Equal(["III", "aVF"], assessment.ReciprocalDepression.Select(r => r.Lead));
    }

    [Theory]
    [InlineData(StQuality.TooFewBeats)]
    [InlineData(StQuality.Noisy)]
    [InlineData(StQuality.FiducialsUncertain)]
    [InlineData(StQuality.TooFewBeats | StQuality.Noisy)]
    public void Never_meets_on_an_unreliable_measurement(StQuality quality)
    {
        var measurement = Measurements.With(
            new Dictionary<string, double> { ["II"] = 0.5, ["III"] = 0.6, ["aVF"] = 0.55, ["aVL"] = -0.3 }, quality);

        var assessment = StemiCriteria.Assess(measurement, PatientSex.Male, 60);

        Assert.False(assessment.Met);
        Assert.False(assessment.Assessed);
        Assert.Equal(quality, assessment.MeasurementQuality);
        Assert.Empty(assessment.ElevatedLeads);
        Assert.Equal(StemiTerritory.None, assessment.Territories);
    }

    [Fact]
    public void A_noisy_lead_does_not_count_towards_a_pair()
    {
        var st = new Dictionary<string, double> { ["II"] = 0.3, ["III"] = 0.3 };

        Assert.True(StemiCriteria.Assess(Measurements.With(st), PatientSex.Male, 60).Met);
        Assert.False(StemiCriteria.Assess(Measurements.With(st, StQuality.Good, "III"), PatientSex.Male, 60).Met);
    }

    [Fact]
    public void Meets_on_the_leads_present_when_some_were_not_recorded()
    {
        var leads = new List<LeadSt> { new("II", 0.2, 0.2, 0.005, false), new("III", 0.2, 0.2, 0.005, false) };
        var measurement = new StMeasurement(0, 5000, 500, leads, 12, 12, 70, -40, 50, 60, StQuality.Good, null);

        var assessment = StemiCriteria.Assess(measurement, PatientSex.Female, 70);

        Assert.True(assessment.Met);
        Assert.Equal(StemiTerritory.Inferior, assessment.Territories);
    }

    [Fact]
    public void Compares_the_st_at_the_j_point_not_at_j_plus_60_ms()
    {
        // A normal young man's V2-V3: small J elevation, ST rising into the T wave by J+60 ms.
        var risingIntoT = Measurements.WithJAndJ60(("V2", 0.12, 0.30), ("V3", 0.10, 0.32));
        // J elevation that falls back by J+60 ms still meets.
        var atJ = Measurements.WithJAndJ60(("II", 0.14, 0.08), ("aVF", 0.12, 0.06));

        Assert.False(StemiCriteria.Assess(risingIntoT, PatientSex.Male, 29).Met);
        var assessment = StemiCriteria.Assess(atJ, PatientSex.Male, 29);
        Assert.True(assessment.Met);
        Assert.Equal(
            [("II", 0.14, 0.08), ("aVF", 0.12, 0.06)],
            assessment.ElevatedLeads.Select(e => (e.Lead, Math.Round(e.JPointMillivolts, 3), Math.Round(e.J60Millivolts, 3))));
    }

    [Fact]
    public void A_lead_without_a_j_point_value_does_not_count()
    {
        var measurement = Measurements.WithJAndJ60(("II", 0.3, 0.3), ("III", null, 0.3), ("aVF", null, 0.3));

        Assert.False(StemiCriteria.Assess(measurement, PatientSex.Male, 60).Met);
    }

    [Fact]
    public void A_lead_too_noisy_at_the_j_point_does_not_count()
    {
        var leads = StandardLeads.All
            .Select(name => name is "II" or "III"
                ? new LeadSt(name, 0.3, 0.3, 0.005, false, 0.01, IsJPointNoisy: name == "III")
                : new LeadSt(name, 0.0, 0.0, 0.005, false, 0.01, false))
            .ToList();
        var measurement = new StMeasurement(0, 5000, 500, leads, 12, 12, 70, -40, 50, 60, StQuality.Good, null);

        var assessment = StemiCriteria.Assess(measurement, PatientSex.Male, 60);

        Assert.True(assessment.Assessed);
        Assert.False(assessment.Met);
    }

    [Theory]
    [InlineData(3, true)]
    [InlineData(4, false)]
    public void With_more_than_a_quarter_of_the_leads_noisy_at_the_j_point_the_criteria_are_not_applied(int noisyLeads, bool assessed)
    {
        var leads = StandardLeads.All
            .Select((name, i) => new LeadSt(name, 0.3, 0.3, 0.005, false, 0.05, IsJPointNoisy: i >= 12 - noisyLeads))
            .ToList();
        var measurement = new StMeasurement(0, 5000, 500, leads, 12, 12, 70, -40, 50, 60, StQuality.Good, null);

        var assessment = StemiCriteria.Assess(measurement, PatientSex.Male, 60);

        Assert.Equal(assessed, assessment.Assessed);
        Assert.Equal(!assessed, assessment.JPointNoisy);
        Assert.Equal(assessed, assessment.Met);
    }

    [Fact]
    public void Without_any_j_point_the_criteria_are_not_assessed_and_say_why()
    {
        var leads = StandardLeads.All.Select(name => new LeadSt(name, 0.3, null, 0.005, false)).ToList();
        var measurement = new StMeasurement(0, 5000, 500, leads, 12, 12, 70, -40, 50, 60, StQuality.Good, null);

        var assessment = StemiCriteria.Assess(measurement, PatientSex.Male, 60);

        Assert.False(assessment.Met);
        Assert.False(assessment.Assessed);
        Assert.True(assessment.NoJPoint);
    }

    [Theory]
    [InlineData(PatientSex.Unknown, null, true)]
    [InlineData(PatientSex.Unknown, 50, true)]
    [InlineData(PatientSex.Male, null, true)]
    [InlineData(PatientSex.Male, 50, false)]
    [InlineData(PatientSex.Female, null, false)]
    public void Says_when_the_v2_v3_threshold_is_the_default_for_missing_sex_or_age(PatientSex sex, int? age, bool assumed)
    {
        var assessment = StemiCriteria.Assess(Measurements.With(("V2", 0.1)), sex, age);

        Assert.Equal(assumed, assessment.V2V3ThresholdAssumed);
    }

    [Fact]
    public void Rejects_an_impossible_age()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StemiCriteria.Assess(Measurements.With(), PatientSex.Male, -1));
    }

    private static StemiAssessment Assess(params (string Lead, double St)[] st) =>
        StemiCriteria.Assess(Measurements.With(st), PatientSex.Male, 60);
}
