using EmergencyLink.Domain.Destinations;

namespace EmergencyLink.Domain.Demo;

/// <summary>
/// One kind of call the demo makes: what the caller says, the priority the call-taker gives it, how often it comes
/// (relative weight), which synthetic patient the crew finds (a <c>SyntheticScenarios</c> name) and the working
/// diagnosis the crew takes the patient to hospital with.
/// </summary>
public sealed record DemoComplaint(string Complaint, int Priority, double Weight, string Scenario, WorkingDiagnosis Diagnosis);
