using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Domain.Demo;

/// <summary>A call the demo places: where, what, and whether the crew will end up transporting the patient.</summary>
public sealed record DemoCall(GeoPoint Location, DemoComplaint Kind, bool Transport);
