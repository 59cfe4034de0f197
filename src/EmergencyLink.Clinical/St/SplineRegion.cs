namespace EmergencyLink.Clinical.St;

/// <summary>Where a position lies relative to a spline's knots.</summary>
internal enum SplineRegion
{
    Inside,
    SingleKnot,
    BeforeFirst,
    AfterLast,
}
