namespace EmergencyLink.Clinical.St;

/// <summary>
/// A position placed on a <see cref="NaturalCubicSpline"/>'s knots: inside interval <see cref="Interval"/> with the
/// weights A = (x[i+1] - at) / h, B = (at - x[i]) / h and their cubic terms A³ - A, B³ - B, or beyond an end knot,
/// where the spline goes on straight.
/// </summary>
internal readonly record struct SplinePoint(
    SplineRegion Region, int Interval, double At, double A, double B, double CubicA, double CubicB);
