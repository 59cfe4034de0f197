using EmergencyLink.Domain.Demo;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Tests;

public sealed class DemoDocumentationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Every_demo_crew_entry_is_one_the_crew_api_would_accept()
    {
        var random = new Random(1);
        foreach (var kind in DemoCallMix.Complaints)
        {
            var entries = DemoDocumentation.For(new DemoCall(new GeoPoint(44, -38), kind, true), random);

            Assert.All(entries, e => Assert.Empty(CaseDocumentation.Validate(e, Now.AddMinutes(-10), Now)));
            Assert.Equal(CareEntryKind.Patient, entries[0].Kind);
            Assert.NotNull(entries[0].Patient);
            Assert.Contains(entries, e => e.Kind == CareEntryKind.ChiefComplaint && e.Text == kind.Complaint);
        }
    }

    [Fact]
    public void Chest_pain_gets_aspirin_and_wheeze_gets_salbutamol()
    {
        var random = new Random(2);
        DemoComplaint Kind(string scenario) => DemoCallMix.Complaints.First(c => c.Scenario == scenario);

        var chestPain = DemoDocumentation.For(new DemoCall(new GeoPoint(44, -38), Kind("stemi-inferior"), true), random);
        var wheeze = DemoDocumentation.For(new DemoCall(new GeoPoint(44, -38), Kind("asthma-improving"), true), random);

        var aspirin = Assert.Single(chestPain, e => e.Kind == CareEntryKind.MedicationGiven);
        Assert.Equal(("aspirin", 300.0, "mg", "PO"), (aspirin.Text, aspirin.Value!.Value, aspirin.Unit, aspirin.Route));
        Assert.Equal("salbutamol", Assert.Single(wheeze, e => e.Kind == CareEntryKind.MedicationGiven).Text);
    }
}
