using EmergencyLink.Clinical.Scores;

namespace EmergencyLink.Clinical.Tests.Scores;

public sealed class News2Tests
{
    // A complete set of observations that scores 0 in every row; each test changes only what it is about.
    private static readonly News2Input Normal = new(
        RespirationRate: 16, OxygenSaturation: 97, OnSupplementalOxygen: false, SystolicBloodPressure: 120,
        Pulse: 70, Consciousness: Acvpu.Alert, Temperature: 37.0);

    private static News2Subscore Row(News2Result result, News2Parameter parameter) =>
        result.Subscores.Single(s => s.Parameter == parameter);

    [Theory]
    [InlineData(0, 3, "≤8")]
    [InlineData(8, 3, "≤8")]
    [InlineData(9, 1, "9–11")]
    [InlineData(11, 1, "9–11")]
    [InlineData(12, 0, "12–20")]
    [InlineData(20, 0, "12–20")]
    [InlineData(21, 2, "21–24")]
    [InlineData(24, 2, "21–24")]
    [InlineData(25, 3, "≥25")]
    public void Respiration_rate_scores_each_side_of_every_chart_boundary(double rate, int points, string band)
    {
        var row = Row(News2.Score(Normal with { RespirationRate = rate }), News2Parameter.RespirationRate);

        Assert.Equal(points, row.Points);
        Assert.Equal(band, row.Band);
    }

    [Theory]
    [InlineData(91, 3, "≤91")]
    [InlineData(92, 2, "92–93")]
    [InlineData(93, 2, "92–93")]
    [InlineData(94, 1, "94–95")]
    [InlineData(95, 1, "94–95")]
    [InlineData(96, 0, "≥96")]
    [InlineData(100, 0, "≥96")]
    public void SpO2_scale_1_scores_each_side_of_every_chart_boundary(double spo2, int points, string band)
    {
        foreach (var onOxygen in new[] { false, true })
        {
            var result = News2.Score(Normal with { OxygenSaturation = spo2, OnSupplementalOxygen = onOxygen });
            var row = Row(result, News2Parameter.OxygenSaturation);

            Assert.Equal(points, row.Points);
            Assert.Equal(band, row.Band);
        }
    }

    [Theory]
    [InlineData(83, false, 3, "≤83")]
    [InlineData(84, false, 2, "84–85")]
    [InlineData(85, true, 2, "84–85")]
    [InlineData(86, true, 1, "86–87")]
    [InlineData(87, false, 1, "86–87")]
    [InlineData(88, false, 0, "88–92")]
    [InlineData(88, true, 0, "88–92")]
    [InlineData(92, false, 0, "88–92")]
    [InlineData(92, true, 0, "88–92")]
    [InlineData(93, false, 0, "≥93 on air")]
    [InlineData(100, false, 0, "≥93 on air")]
    [InlineData(93, true, 1, "93–94 on oxygen")]
    [InlineData(94, true, 1, "93–94 on oxygen")]
    [InlineData(95, true, 2, "95–96 on oxygen")]
    [InlineData(96, true, 2, "95–96 on oxygen")]
    [InlineData(97, true, 3, "≥97 on oxygen")]
    [InlineData(100, true, 3, "≥97 on oxygen")]
    public void SpO2_scale_2_scores_each_boundary_on_air_and_on_oxygen(double spo2, bool onOxygen, int points,
        string band)
    {
        var input = Normal with
        {
            SpO2Scale = News2SpO2Scale.Scale2, OxygenSaturation = spo2, OnSupplementalOxygen = onOxygen,
        };

        var row = Row(News2.Score(input), News2Parameter.OxygenSaturation);

        Assert.Equal(points, row.Points);
        Assert.Equal(band, row.Band);
    }

    [Fact]
    public void SpO2_scale_2_below_93_is_scored_even_when_air_or_oxygen_is_unknown()
    {
        var result = News2.Score(Normal with
        {
            SpO2Scale = News2SpO2Scale.Scale2, OxygenSaturation = 85, OnSupplementalOxygen = null,
        });

        Assert.Equal(2, Row(result, News2Parameter.OxygenSaturation).Points);
        Assert.Equal([News2Parameter.AirOrOxygen], result.Missing);
    }

    [Fact]
    public void SpO2_scale_2_from_93_is_left_missing_when_air_or_oxygen_is_unknown_rather_than_guessed()
    {
        var result = News2.Score(Normal with
        {
            SpO2Scale = News2SpO2Scale.Scale2, OxygenSaturation = 95, OnSupplementalOxygen = null,
        });

        Assert.DoesNotContain(result.Subscores, s => s.Parameter == News2Parameter.OxygenSaturation);
        Assert.Equal([News2Parameter.OxygenSaturation, News2Parameter.AirOrOxygen], result.Missing);
        Assert.Equal(5, result.MaximumPossibleTotal);
    }

    [Theory]
    [InlineData(true, 2, "oxygen")]
    [InlineData(false, 0, "air")]
    public void Supplemental_oxygen_adds_two_and_air_adds_nothing(bool onOxygen, int points, string band)
    {
        var row = Row(News2.Score(Normal with { OnSupplementalOxygen = onOxygen }), News2Parameter.AirOrOxygen);

        Assert.Equal(points, row.Points);
        Assert.Equal(band, row.Band);
    }

    [Theory]
    [InlineData(60, 3, "≤90")]
    [InlineData(90, 3, "≤90")]
    [InlineData(91, 2, "91–100")]
    [InlineData(100, 2, "91–100")]
    [InlineData(101, 1, "101–110")]
    [InlineData(110, 1, "101–110")]
    [InlineData(111, 0, "111–219")]
    [InlineData(219, 0, "111–219")]
    [InlineData(220, 3, "≥220")]
    public void Systolic_blood_pressure_scores_each_side_of_every_chart_boundary(double sbp, int points, string band)
    {
        var row = Row(News2.Score(Normal with { SystolicBloodPressure = sbp }), News2Parameter.SystolicBloodPressure);

        Assert.Equal(points, row.Points);
        Assert.Equal(band, row.Band);
    }

    [Theory]
    [InlineData(40, 3, "≤40")]
    [InlineData(41, 1, "41–50")]
    [InlineData(50, 1, "41–50")]
    [InlineData(51, 0, "51–90")]
    [InlineData(90, 0, "51–90")]
    [InlineData(91, 1, "91–110")]
    [InlineData(110, 1, "91–110")]
    [InlineData(111, 2, "111–130")]
    [InlineData(130, 2, "111–130")]
    [InlineData(131, 3, "≥131")]
    public void Pulse_scores_each_side_of_every_chart_boundary(double pulse, int points, string band)
    {
        var row = Row(News2.Score(Normal with { Pulse = pulse }), News2Parameter.Pulse);

        Assert.Equal(points, row.Points);
        Assert.Equal(band, row.Band);
    }

    [Theory]
    [InlineData(Acvpu.Alert, 0)]
    [InlineData(Acvpu.NewConfusion, 3)]
    [InlineData(Acvpu.Voice, 3)]
    [InlineData(Acvpu.Pain, 3)]
    [InlineData(Acvpu.Unresponsive, 3)]
    public void Consciousness_scores_zero_only_when_alert(Acvpu level, int points)
    {
        var row = Row(News2.Score(Normal with { Consciousness = level }), News2Parameter.Consciousness);

        Assert.Equal(points, row.Points);
    }

    [Theory]
    [InlineData(34.0, 3, "≤35.0")]
    [InlineData(35.0, 3, "≤35.0")]
    [InlineData(35.1, 1, "35.1–36.0")]
    [InlineData(36.0, 1, "35.1–36.0")]
    [InlineData(36.1, 0, "36.1–38.0")]
    [InlineData(38.0, 0, "36.1–38.0")]
    [InlineData(38.1, 1, "38.1–39.0")]
    [InlineData(39.0, 1, "38.1–39.0")]
    [InlineData(39.1, 2, "≥39.1")]
    [InlineData(41.0, 2, "≥39.1")]
    public void Temperature_scores_each_side_of_every_chart_boundary(double celsius, int points, string band)
    {
        var row = Row(News2.Score(Normal with { Temperature = celsius }), News2Parameter.Temperature);

        Assert.Equal(points, row.Points);
        Assert.Equal(band, row.Band);
    }

    [Theory]
    [InlineData(36.05, 0, "36.1–38.0")]
    [InlineData(36.04, 1, "35.1–36.0")]
    [InlineData(35.05, 1, "35.1–36.0")]
    [InlineData(35.04, 3, "≤35.0")]
    [InlineData(38.05, 1, "38.1–39.0")]
    [InlineData(39.04, 1, "38.1–39.0")]
    public void Temperature_between_chart_bands_is_charted_to_the_nearest_tenth(double celsius, int points,
        string band)
    {
        var row = Row(News2.Score(Normal with { Temperature = celsius }), News2Parameter.Temperature);

        Assert.Equal(points, row.Points);
        Assert.Equal(band, row.Band);
        Assert.Contains("charted", row.Value, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(20.4, 0)]
    [InlineData(20.5, 2)]
    [InlineData(8.5, 1)]
    [InlineData(8.49, 3)]
    public void Respiration_rate_between_chart_bands_is_charted_to_the_nearest_whole_breath(double rate, int points)
    {
        Assert.Equal(points,
            Row(News2.Score(Normal with { RespirationRate = rate }), News2Parameter.RespirationRate).Points);
    }

    [Theory]
    [InlineData(91.5, 2)]
    [InlineData(91.49, 3)]
    [InlineData(95.5, 0)]
    public void SpO2_between_chart_bands_is_charted_to_the_nearest_whole_percent(double spo2, int points)
    {
        Assert.Equal(points,
            Row(News2.Score(Normal with { OxygenSaturation = spo2 }), News2Parameter.OxygenSaturation).Points);
    }

    [Fact]
    public void Normal_observations_score_zero_low_risk_with_routine_monitoring()
    {
        var result = News2.Score(Normal);

        Assert.Equal(0, result.Total);
        Assert.True(result.IsComplete);
        Assert.Empty(result.Missing);
        Assert.Equal(7, result.Subscores.Count);
        Assert.False(result.HasRedScore);
        Assert.Equal(News2Risk.Low, result.Risk);
        Assert.Equal("Minimum 12-hourly", result.MonitoringFrequency);
        Assert.Contains("Continue routine NEWS monitoring", result.ClinicalResponse, StringComparison.Ordinal);
    }

    public static TheoryData<News2Input, int, News2Risk, bool> RiskCases => new()
    {
        // Totals 1–4 without a red score are low risk.
        { Normal with { Temperature = 38.5 }, 1, News2Risk.Low, false },
        { Normal with { RespirationRate = 22, Pulse = 115 }, 4, News2Risk.Low, false },
        // A single 3 with a total under 5 is low–medium.
        { Normal with { RespirationRate = 25 }, 3, News2Risk.LowMedium, true },
        { Normal with { Consciousness = Acvpu.NewConfusion }, 3, News2Risk.LowMedium, true },
        { Normal with { RespirationRate = 25, Temperature = 38.5 }, 4, News2Risk.LowMedium, true },
        // From 5 the aggregate decides, red score or not.
        { Normal with { RespirationRate = 22, Pulse = 115, Temperature = 38.5 }, 5, News2Risk.Medium, false },
        { Normal with { RespirationRate = 25, OnSupplementalOxygen = true }, 5, News2Risk.Medium, true },
        { Normal with { RespirationRate = 22, Pulse = 115, OnSupplementalOxygen = true }, 6, News2Risk.Medium, false },
        { Normal with { RespirationRate = 22, Pulse = 115, OnSupplementalOxygen = true, Temperature = 38.5 },
            7, News2Risk.High, false },
        {
            new News2Input(RespirationRate: 30, OxygenSaturation: 85, OnSupplementalOxygen: true,
                SystolicBloodPressure: 80, Pulse: 140, Consciousness: Acvpu.Unresponsive, Temperature: 34.0),
            20, News2Risk.High, true
        },
    };

    [Theory]
    [MemberData(nameof(RiskCases))]
    public void Risk_band_follows_the_total_and_the_red_score_rule(News2Input input, int total, News2Risk risk,
        bool red)
    {
        var result = News2.Score(input);

        Assert.Equal(total, result.Total);
        Assert.Equal(risk, result.Risk);
        Assert.Equal(red, result.HasRedScore);
        Assert.Equal(result.Subscores.Sum(s => s.Points), result.Total);
    }

    [Theory]
    [InlineData(1, "Minimum 4–6-hourly", "must assess the patient")]
    [InlineData(3, "Minimum 1-hourly", "who will review and decide whether escalation")]
    [InlineData(5, "Minimum 1-hourly", "Urgent response threshold")]
    [InlineData(7, "Continuous monitoring of vital signs", "Emergency response threshold")]
    public void Clinical_response_is_the_rcp_chart_4_response_for_the_risk(int total, string frequency,
        string response)
    {
        var input = total switch
        {
            1 => Normal with { Temperature = 38.5 },
            3 => Normal with { RespirationRate = 25 },
            5 => Normal with { RespirationRate = 22, Pulse = 115, Temperature = 38.5 },
            _ => Normal with { RespirationRate = 22, Pulse = 115, OnSupplementalOxygen = true, Temperature = 38.5 },
        };

        var result = News2.Score(input);

        Assert.Equal(total, result.Total);
        Assert.Equal(frequency, result.MonitoringFrequency);
        Assert.Contains(response, result.ClinicalResponse, StringComparison.Ordinal);
        Assert.DoesNotContain("Incomplete", result.ClinicalResponse, StringComparison.Ordinal);
    }

    [Fact]
    public void Red_score_names_the_parameter_and_value_that_scored_three()
    {
        var result = News2.Score(Normal with { SystolicBloodPressure = 88 });

        var red = Assert.Single(result.RedScores);
        Assert.Equal(News2Parameter.SystolicBloodPressure, red.Parameter);
        Assert.Equal("Systolic BP: 88 mmHg, band ≤90, scores 3", red.Evidence);
    }

    [Fact]
    public void Missing_parameters_are_listed_not_scored_and_the_total_is_a_lower_bound()
    {
        var result = News2.Score(new News2Input(RespirationRate: 22, Pulse: 115));

        Assert.False(result.IsComplete);
        Assert.Equal(4, result.Total);
        Assert.Equal(2, result.Subscores.Count);
        Assert.Equal(
            [
                News2Parameter.OxygenSaturation, News2Parameter.AirOrOxygen, News2Parameter.SystolicBloodPressure,
                News2Parameter.Consciousness, News2Parameter.Temperature,
            ],
            result.Missing);
        Assert.Equal(4 + 3 + 2 + 3 + 3 + 3, result.MaximumPossibleTotal);
        Assert.StartsWith("Incomplete NEWS2", result.ClinicalResponse, StringComparison.Ordinal);
        Assert.Contains("Temperature", result.ClinicalResponse, StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_score_below_any_trigger_gives_no_reassuring_routine_response()
    {
        var result = News2.Score(new News2Input(Pulse: 72, Temperature: 37.2));

        Assert.Equal(News2Risk.Low, result.Risk);
        Assert.Equal("Not determined until every parameter is measured", result.MonitoringFrequency);
        Assert.DoesNotContain("routine", result.ClinicalResponse, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("12-hourly", result.ClinicalResponse, StringComparison.Ordinal);
    }

    [Fact]
    public void Incomplete_score_that_already_triggers_keeps_the_triggered_response_as_a_minimum()
    {
        var result = News2.Score(new News2Input(RespirationRate: 26, Pulse: 135));

        Assert.Equal(News2Risk.Medium, result.Risk);
        Assert.Equal("Minimum 1-hourly", result.MonitoringFrequency);
        Assert.Contains("At least Medium clinical risk", result.ClinicalResponse, StringComparison.Ordinal);
        Assert.Contains("Urgent response threshold", result.ClinicalResponse, StringComparison.Ordinal);
    }

    [Fact]
    public void No_observations_at_all_score_nothing_and_list_all_seven_parameters_as_missing()
    {
        var result = News2.Score(new News2Input());

        Assert.Empty(result.Subscores);
        Assert.Equal(Enum.GetValues<News2Parameter>(), result.Missing);
        Assert.Equal(20, result.MaximumPossibleTotal);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(-1.0)]
    [InlineData(double.PositiveInfinity)]
    public void Non_finite_or_negative_measurements_are_rejected(double value)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => News2.Score(Normal with { Pulse = value }));
        Assert.Throws<ArgumentOutOfRangeException>(() => News2.Score(Normal with { RespirationRate = value }));
    }

    [Fact]
    public void Saturation_above_100_percent_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => News2.Score(Normal with { OxygenSaturation = 101 }));
    }

    [Fact]
    public void Temperature_entered_in_fahrenheit_is_rejected_instead_of_scoring_a_fever()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => News2.Score(Normal with { Temperature = 98.6 }));
        Assert.Contains("Fahrenheit", error.Message, StringComparison.Ordinal);
    }
}
