namespace EmergencyLink.Clinical.Ecg;

/// <summary>A run of beats (indices) whose heart rate is beyond a limit.</summary>
internal readonly record struct RateRun(int Start, int End);
