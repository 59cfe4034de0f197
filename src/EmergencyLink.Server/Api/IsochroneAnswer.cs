namespace EmergencyLink.Server.Api;

public sealed record IsochroneAnswer(double Minutes, int RoadNodesReached, GeoJsonGeometry Area);
