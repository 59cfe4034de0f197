using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Handover;

/// <summary>
/// The charting rule. A monitor gives a reading every second (2,400 in a 40-minute transport); a receiving team reads
/// an ePCR chart, not a waveform dump. Per parameter we chart the first reading, the first reading at or after every
/// 5 minutes from it, the last reading, and the single most abnormal reading (furthest outside the adult normal range,
/// relative to the range's width) so a dip between chart times is not lost. Readings where the monitor had no value
/// for the parameter are skipped.
/// </summary>
public static class VitalsCharting
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);

    /// <summary>The rule in words, for the vital-signs section's narrative.</summary>
    public const string RuleText =
        "Charted per parameter: the first reading, one every 5 minutes, the last reading, and the most abnormal reading " +
        "(furthest outside the adult normal range); the monitor recorded every second.";

    /// <summary>The adult normal range used to find the most abnormal value (blood pressure: systolic).</summary>
    public static (double Low, double High) NormalRange(VitalParameter parameter) => parameter switch
    {
        VitalParameter.HeartRate => (60, 100),
        VitalParameter.OxygenSaturation => (94, 100),
        VitalParameter.RespiratoryRate => (12, 20),
        VitalParameter.BloodPressure => (100, 160),
        VitalParameter.BodyTemperature => (36, 38),
        VitalParameter.EndTidalCo2 => (35, 45),
        _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
    };

    /// <summary>The value the rule ranks by, or null when the monitor had none.</summary>
    public static double? Value(VitalSigns vitals, VitalParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        return parameter switch
        {
            VitalParameter.HeartRate => vitals.HeartRate,
            VitalParameter.OxygenSaturation => vitals.SpO2,
            VitalParameter.RespiratoryRate => vitals.RespiratoryRate,
            VitalParameter.BloodPressure => vitals.SystolicMmHg ?? vitals.DiastolicMmHg,
            VitalParameter.BodyTemperature => vitals.TemperatureC,
            VitalParameter.EndTidalCo2 => vitals.EtCO2MmHg,
            _ => throw new ArgumentOutOfRangeException(nameof(parameter)),
        };
    }

    /// <summary>The readings to chart for one parameter, in time order; readings must be in time order.</summary>
    public static IReadOnlyList<ChartedReading> Chart(IReadOnlyList<VitalsReading> readings, VitalParameter parameter)
    {
        ArgumentNullException.ThrowIfNull(readings);
        var (low, high) = NormalRange(parameter);
        var width = high - low;
        var chosen = new List<int>();
        var last = -1;
        var worst = -1;
        var worstScore = 0.0;
        DateTimeOffset next = default;
        for (var i = 0; i < readings.Count; i++)
        {
            if (Value(readings[i].Vitals, parameter) is not { } value || !double.IsFinite(value))
            {
                continue;
            }

            var at = readings[i].At;
            if (last < 0 || at >= next)
            {
                chosen.Add(i);
                next = last < 0 ? at + Interval : next + Interval;
                while (next <= at)
                {
                    next += Interval;
                }
            }

            last = i;
            var score = value < low ? (low - value) / width : value > high ? (value - high) / width : 0;
            if (score > worstScore)
            {
                worstScore = score;
                worst = i;
            }
        }

        if (last >= 0 && chosen[^1] != last)
        {
            chosen.Add(last);
        }

        if (worst >= 0 && !chosen.Contains(worst))
        {
            chosen.Add(worst);
            chosen.Sort();
        }

        var result = new ChartedReading[chosen.Count];
        for (var i = 0; i < chosen.Count; i++)
        {
            result[i] = new ChartedReading(chosen[i], chosen[i] == worst);
        }

        return result;
    }
}
