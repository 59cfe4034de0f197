using EmergencyLink.Domain.Destinations;
using EmergencyLink.Domain.Dispatch;
using EmergencyLink.Domain.Hospitals;

namespace EmergencyLink.Domain.Tests;

public sealed class DestinationRulesTests
{
    private static readonly HospitalCapabilities Comprehensive = new(true, true, true, 1, false);
    private static readonly HospitalCapabilities Pci = new(true, false, true, 3, false);
    private static readonly HospitalCapabilities Children = new(false, false, false, 2, true);
    private static readonly HospitalCapabilities EdOnly = HospitalCapabilities.None;

    private static HospitalOption H(string id, HospitalCapabilities c, double minutes, bool diversion = false, int beds = 5) =>
        new(id, "Hospital " + id, c, diversion, beds, new TravelEstimate(minutes * 60, minutes * 800));

    [Fact]
    public void A_STEMI_goes_to_the_nearest_PCI_centre_past_a_nearer_ED()
    {
        var ranked = DestinationRules.Rank(WorkingDiagnosis.Stemi, [H("ed", EdOnly, 3), H("far", Comprehensive, 12), H("pci", Pci, 9)]);

        Assert.Equal(["pci", "far", "ed"], ranked.Select(r => r.HospitalId));
        Assert.True(ranked[0].Recommended);
        Assert.False(ranked[2].Recommended);
        Assert.Contains("has 24/7 primary PCI", ranked[0].Reasons);
    }

    [Theory]
    [InlineData(WorkingDiagnosis.LargeVesselStroke, "comp")]
    [InlineData(WorkingDiagnosis.Stroke, "pci")]
    [InlineData(WorkingDiagnosis.MajorTrauma, "kids")]
    [InlineData(WorkingDiagnosis.Paediatric, "kids")]
    [InlineData(WorkingDiagnosis.General, "ed")]
    public void Each_diagnosis_needs_its_capability(WorkingDiagnosis diagnosis, string first)
    {
        HospitalOption[] hospitals = [H("ed", EdOnly, 2), H("kids", Children, 4), H("pci", Pci, 6), H("comp", Comprehensive, 10)];

        Assert.Equal(first, DestinationRules.Rank(diagnosis, hospitals)[0].HospitalId);
    }

    [Fact]
    public void A_diverted_hospital_is_passed_over_while_another_capable_one_is_open()
    {
        var ranked = DestinationRules.Rank(WorkingDiagnosis.Stemi, [H("near", Pci, 5, diversion: true), H("far", Comprehensive, 15)]);

        Assert.Equal("far", ranked[0].HospitalId);
        Assert.False(ranked[1].Recommended);
        Assert.Contains("on diversion", ranked[1].Reasons);
    }

    [Fact]
    public void A_diverted_hospital_is_offered_when_no_other_capable_one_is_in_reach()
    {
        var ranked = DestinationRules.Rank(WorkingDiagnosis.Stemi,
            [H("near", Pci, 5, diversion: true), H("ed", EdOnly, 2), new HospitalOption("gone", "Unreachable", Comprehensive, false, 5, null)]);

        Assert.Equal("near", ranked[0].HospitalId);
        Assert.True(ranked[0].Recommended);
        Assert.DoesNotContain(ranked, r => r.HospitalId == "gone");
    }

    [Fact]
    public void Without_any_capable_hospital_the_nearest_ED_is_offered_to_stabilise()
    {
        var ranked = DestinationRules.Rank(WorkingDiagnosis.LargeVesselStroke, [H("ed2", EdOnly, 8), H("ed1", EdOnly, 4)]);

        Assert.Equal("ed1", ranked[0].HospitalId);
        Assert.True(ranked[0].Recommended);
        Assert.Contains(ranked[0].Reasons, r => r.Contains("stabilise", StringComparison.Ordinal));
    }

    [Fact]
    public void A_full_ED_ranks_as_if_ten_minutes_farther()
    {
        var ranked = DestinationRules.Rank(WorkingDiagnosis.General, [H("full", EdOnly, 4, beds: 0), H("open", EdOnly, 12)]);
        var close = DestinationRules.Rank(WorkingDiagnosis.General, [H("full", EdOnly, 4, beds: 0), H("open", EdOnly, 15)]);

        Assert.Equal("open", ranked[0].HospitalId);
        Assert.Equal("full", close[0].HospitalId);
    }
}
