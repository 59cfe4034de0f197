namespace EmergencyLink.Geo.Import;

public sealed record ImportReport(
    int WaysRead,
    int RoadSegments,
    int RoadNodesDropped,
    int HospitalsFound,
    int HospitalsIncluded,
    int Stations,
    IReadOnlyList<string> Warnings);
