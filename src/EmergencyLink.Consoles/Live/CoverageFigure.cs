namespace EmergencyLink.Consoles.Live;

/// <summary>The headline of the host's coverage report: the share of demand a free unit reaches within the target.</summary>
public sealed record CoverageFigure(double TargetMinutes, double CoveredShare, int AvailableUnits, DateTimeOffset At);
