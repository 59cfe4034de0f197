using System.Globalization;

namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// National Early Warning Score 2. Source: Royal College of Physicians. National Early Warning Score (NEWS) 2:
/// Standardising the assessment of acute-illness severity in the NHS. Updated report of a working party. London: RCP,
/// December 2017 — chart 1 (scoring), chart 3 (risk bands), chart 4 (clinical response).
/// </summary>
/// <remarks>
/// Non-integer measurements: the chart is defined on charted values — whole numbers for every row except temperature,
/// which is charted to 0.1 °C — so its bands leave gaps (20 | 21, 36.0 | 36.1) that a raw monitor value can fall into.
/// A value is first rounded to the chart's resolution, half away from zero (36.05 °C is charted 36.1 and scores 0;
/// 20.4 /min is charted 20 and scores 0; 20.5 /min is charted 21 and scores 2), which is what charting the displayed
/// reading does and, unlike "anything above 20 is the next band", widens no band at the expense of its neighbour.
/// The double is read through decimal (15 significant digits) so that 36.05 is the 36.05 the monitor displayed, not
/// the binary 36.04999….
/// </remarks>
public static class News2
{
    private static readonly News2Band[] RespirationRateBands =
    [
        new(null, 8m, 3), new(9m, 11m, 1), new(12m, 20m, 0), new(21m, 24m, 2), new(25m, null, 3),
    ];

    private static readonly News2Band[] SpO2Scale1Bands =
    [
        new(null, 91m, 3), new(92m, 93m, 2), new(94m, 95m, 1), new(96m, null, 0),
    ];

    // Scale 2 (RCP 2017, for a prescribed 88–92 % target): 88–92 % and anything higher on air score 0; above 92 % the
    // chart scores only patients on oxygen, because over-oxygenation risks worsening hypercapnia.
    private static readonly News2Band[] SpO2Scale2Bands =
    [
        new(null, 83m, 3), new(84m, 85m, 2), new(86m, 87m, 1), new(88m, 92m, 0),
    ];

    private static readonly News2Band[] SpO2Scale2OnAirBands = [new(93m, null, 0, "on air")];

    private static readonly News2Band[] SpO2Scale2OnOxygenBands =
    [
        new(93m, 94m, 1, "on oxygen"), new(95m, 96m, 2, "on oxygen"), new(97m, null, 3, "on oxygen"),
    ];

    private static readonly News2Band[] SystolicBloodPressureBands =
    [
        new(null, 90m, 3), new(91m, 100m, 2), new(101m, 110m, 1), new(111m, 219m, 0), new(220m, null, 3),
    ];

    private static readonly News2Band[] PulseBands =
    [
        new(null, 40m, 3), new(41m, 50m, 1), new(51m, 90m, 0), new(91m, 110m, 1), new(111m, 130m, 2),
        new(131m, null, 3),
    ];

    private static readonly News2Band[] TemperatureBands =
    [
        new(null, 35.0m, 3), new(35.1m, 36.0m, 1), new(36.1m, 38.0m, 0), new(38.1m, 39.0m, 1), new(39.1m, null, 2),
    ];

    // Below 10 °C or above 45 °C is not a body temperature anyone is scored at; the usual cause is a Fahrenheit
    // reading (98.6) entered as Celsius, which would otherwise silently score 2.
    private const double LowestPlausibleTemperature = 10.0;
    private const double HighestPlausibleTemperature = 45.0;

    public static News2Result Score(News2Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Validate(input);

        var subscores = new List<News2Subscore>();
        var missing = new List<News2Parameter>();

        Add(News2Parameter.RespirationRate, input.RespirationRate, 0, "/min", RespirationRateBands, subscores, missing);
        ScoreOxygenSaturation(input, subscores, missing);

        if (input.OnSupplementalOxygen is { } onOxygen)
        {
            subscores.Add(onOxygen
                ? new News2Subscore(News2Parameter.AirOrOxygen, "supplemental oxygen", 2, "oxygen")
                : new News2Subscore(News2Parameter.AirOrOxygen, "air", 0, "air"));
        }
        else
        {
            missing.Add(News2Parameter.AirOrOxygen);
        }

        Add(News2Parameter.SystolicBloodPressure, input.SystolicBloodPressure, 0, "mmHg", SystolicBloodPressureBands,
            subscores, missing);
        Add(News2Parameter.Pulse, input.Pulse, 0, "/min", PulseBands, subscores, missing);

        if (input.Consciousness is { } level)
        {
            subscores.Add(level == Acvpu.Alert
                ? new News2Subscore(News2Parameter.Consciousness, Describe(level), 0, "alert")
                : new News2Subscore(News2Parameter.Consciousness, Describe(level), 3, "CVPU"));
        }
        else
        {
            missing.Add(News2Parameter.Consciousness);
        }

        Add(News2Parameter.Temperature, input.Temperature, 1, "°C", TemperatureBands, subscores, missing);

        return new News2Result(subscores, missing);
    }

    public static string Describe(News2Parameter parameter) => parameter switch
    {
        News2Parameter.RespirationRate => "Respiration rate",
        News2Parameter.OxygenSaturation => "SpO2",
        News2Parameter.AirOrOxygen => "Air or oxygen",
        News2Parameter.SystolicBloodPressure => "Systolic BP",
        News2Parameter.Pulse => "Pulse",
        News2Parameter.Consciousness => "Consciousness",
        News2Parameter.Temperature => "Temperature",
        _ => throw new ArgumentOutOfRangeException(nameof(parameter), parameter, "Not a NEWS2 parameter."),
    };

    public static string Describe(Acvpu level) => level switch
    {
        Acvpu.Alert => "alert",
        Acvpu.NewConfusion => "new confusion",
        Acvpu.Voice => "responds to voice",
        Acvpu.Pain => "responds to pain",
        Acvpu.Unresponsive => "unresponsive",
        _ => throw new ArgumentOutOfRangeException(nameof(level), level, "Not an ACVPU level."),
    };

    /// <summary>The most a parameter can score on the chart (temperature's worst is 3, at ≤ 35.0 °C).</summary>
    public static int MaximumPoints(News2Parameter parameter) =>
        parameter == News2Parameter.AirOrOxygen ? 2 : 3;

    /// <summary>The measured value rounded to the chart's resolution, half away from zero (see remarks on the type).</summary>
    internal static decimal Chart(double measured, int decimals) =>
        Math.Round((decimal)measured, decimals, MidpointRounding.AwayFromZero);

    private static void ScoreOxygenSaturation(
        News2Input input, List<News2Subscore> subscores, List<News2Parameter> missing)
    {
        if (input.OxygenSaturation is not { } measured)
        {
            missing.Add(News2Parameter.OxygenSaturation);
            return;
        }

        var charted = Chart(measured, 0);
        if (input.SpO2Scale == News2SpO2Scale.Scale1)
        {
            subscores.Add(Subscore(News2Parameter.OxygenSaturation, measured, charted, 0, "% (scale 1)",
                SpO2Scale1Bands));
            return;
        }

        if (charted <= 92m)
        {
            subscores.Add(Subscore(News2Parameter.OxygenSaturation, measured, charted, 0, "% (scale 2)",
                SpO2Scale2Bands));
            return;
        }

        // Above 92 % scale 2 cannot be scored without knowing air or oxygen: leave it missing rather than guess.
        switch (input.OnSupplementalOxygen)
        {
            case true:
                subscores.Add(Subscore(News2Parameter.OxygenSaturation, measured, charted, 0, "% (scale 2)",
                    SpO2Scale2OnOxygenBands));
                break;
            case false:
                subscores.Add(Subscore(News2Parameter.OxygenSaturation, measured, charted, 0, "% (scale 2)",
                    SpO2Scale2OnAirBands));
                break;
            default:
                missing.Add(News2Parameter.OxygenSaturation);
                break;
        }
    }

    private static void Add(
        News2Parameter parameter,
        double? measured,
        int decimals,
        string unit,
        News2Band[] bands,
        List<News2Subscore> subscores,
        List<News2Parameter> missing)
    {
        if (measured is { } value)
        {
            subscores.Add(Subscore(parameter, value, Chart(value, decimals), decimals, unit, bands));
        }
        else
        {
            missing.Add(parameter);
        }
    }

    private static News2Subscore Subscore(
        News2Parameter parameter, double measured, decimal charted, int decimals, string unit, News2Band[] bands)
    {
        var band = bands.Single(b => b.Contains(charted));
        var entered = ((decimal)measured).ToString(CultureInfo.InvariantCulture);
        var shown = charted.ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        var value = entered == shown || (decimal)measured == charted
            ? $"{shown} {unit}"
            : $"{entered} {unit} (charted {shown})";
        return new News2Subscore(parameter, value, band.Points, band.Label);
    }

    private static void Validate(News2Input input)
    {
        RequireNonNegative(input.RespirationRate, nameof(input.RespirationRate));
        RequireNonNegative(input.SystolicBloodPressure, nameof(input.SystolicBloodPressure));
        RequireNonNegative(input.Pulse, nameof(input.Pulse));
        RequireNonNegative(input.OxygenSaturation, nameof(input.OxygenSaturation));
        if (input.OxygenSaturation > 100.0)
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.OxygenSaturation,
                "OxygenSaturation is a percentage and cannot exceed 100.");
        }

        if (input.Temperature is { } t && (!double.IsFinite(t) || t < LowestPlausibleTemperature
                || t > HighestPlausibleTemperature))
        {
            throw new ArgumentOutOfRangeException(nameof(input), t,
                $"Temperature must be in degrees Celsius between {LowestPlausibleTemperature} and "
                + $"{HighestPlausibleTemperature} (was it entered in Fahrenheit?).");
        }

        if (!Enum.IsDefined(input.SpO2Scale))
        {
            throw new ArgumentOutOfRangeException(nameof(input), input.SpO2Scale, "SpO2Scale is not scale 1 or 2.");
        }

        if (input.Consciousness is { } level && !Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(input), level, "Consciousness is not an ACVPU level.");
        }
    }

    private static void RequireNonNegative(double? value, string name)
    {
        // The upper limit only rejects garbage (a unit or decimal-point error); no rate or pressure reaches it.
        if (value is { } v && (!double.IsFinite(v) || v < 0.0 || v > 1000.0))
        {
            throw new ArgumentOutOfRangeException("input", v,
                $"{name} must be a finite measurement between 0 and 1000 (null when not measured).");
        }
    }
}
