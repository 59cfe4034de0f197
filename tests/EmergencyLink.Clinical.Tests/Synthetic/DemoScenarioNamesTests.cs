using EmergencyLink.Clinical.Synthetic;
using EmergencyLink.Domain.Demo;

namespace EmergencyLink.Clinical.Tests.Synthetic;

public sealed class DemoScenarioNamesTests
{
    /// <summary>The domain names the demo's patients by string (it does not reference this library); a typo would stop a demo case.</summary>
    [Fact]
    public void Every_demo_complaint_names_a_synthetic_patient_that_exists()
    {
        Assert.All(DemoCallMix.Complaints, c => Assert.Contains(c.Scenario, SyntheticScenarios.Names));
        Assert.Contains(DemoCallMix.KindOf("not in the mix", 3).Scenario, SyntheticScenarios.Names);
    }
}
