namespace EmergencyLink.Handover;

/// <summary>A reading chosen for the chart: its index in the series, and whether it is the parameter's most abnormal value.</summary>
public readonly record struct ChartedReading(int Index, bool MostAbnormal);
