using EmergencyLink.Clinical.Scores;

namespace EmergencyLink.Clinical.Tests.Scores;

public sealed class StrokeTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 14, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_sign_found_is_not_a_stroke_suspicion()
    {
        var screen = Stroke.Screen(new BeFastFindings(), Now);

        Assert.False(screen.IsStrokeSuspected);
        Assert.Empty(screen.PositiveSigns);
        Assert.StartsWith("BE-FAST negative", screen.Findings[0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BeFastSign.Balance)]
    [InlineData(BeFastSign.Eyes)]
    [InlineData(BeFastSign.Face)]
    [InlineData(BeFastSign.Arm)]
    [InlineData(BeFastSign.Speech)]
    public void Any_single_sign_raises_suspicion_and_is_named(BeFastSign sign)
    {
        var findings = new BeFastFindings(
            Balance: sign == BeFastSign.Balance, Eyes: sign == BeFastSign.Eyes, Face: sign == BeFastSign.Face,
            Arm: sign == BeFastSign.Arm, Speech: sign == BeFastSign.Speech);

        var screen = Stroke.Screen(findings, Now);

        Assert.True(screen.IsStrokeSuspected);
        Assert.Equal([sign], screen.PositiveSigns);
        Assert.Contains(Stroke.Describe(sign), screen.Findings[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Several_signs_are_all_listed_in_mnemonic_order()
    {
        var screen = Stroke.Screen(new BeFastFindings(Speech: true, Face: true, Balance: true), Now);

        Assert.Equal([BeFastSign.Balance, BeFastSign.Face, BeFastSign.Speech], screen.PositiveSigns);
    }

    [Theory]
    [InlineData(0, true, true)]
    [InlineData(4 * 3600 + 30 * 60, true, true)]
    [InlineData(4 * 3600 + 30 * 60 + 1, false, true)]
    [InlineData(6 * 3600, false, true)]
    [InlineData(24 * 3600, false, true)]
    [InlineData(24 * 3600 + 1, false, false)]
    public void Reperfusion_windows_include_their_limit_and_close_one_second_after(int secondsAgo,
        bool thrombolysis, bool thrombectomy)
    {
        var screen = Stroke.Screen(new BeFastFindings(Arm: true, LastKnownWell: Now.AddSeconds(-secondsAgo)), Now);

        Assert.Equal(TimeSpan.FromSeconds(secondsAgo), screen.SinceLastKnownWell);
        Assert.Equal(thrombolysis, screen.WithinThrombolysisWindow);
        Assert.Equal(thrombectomy, screen.WithinThrombectomyWindow);
    }

    [Fact]
    public void Time_since_last_known_well_is_right_across_time_zones()
    {
        var lastKnownWell = new DateTimeOffset(2026, 3, 14, 8, 0, 0, TimeSpan.FromHours(-3)); // 11:00 UTC
        var now = new DateTimeOffset(2026, 3, 14, 16, 10, 0, TimeSpan.FromHours(2)); // 14:10 UTC

        var screen = Stroke.Screen(new BeFastFindings(Face: true, LastKnownWell: lastKnownWell), now);

        Assert.Equal(new TimeSpan(3, 10, 0), screen.SinceLastKnownWell);
        Assert.True(screen.WithinThrombolysisWindow);
        Assert.Contains("3 h 10 min ago", screen.Findings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Late_window_says_thrombectomy_depends_on_imaging_selection()
    {
        var screen = Stroke.Screen(new BeFastFindings(Arm: true, LastKnownWell: Now.AddHours(-10)), Now);

        Assert.Contains("imaging selection", screen.Findings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_last_known_well_leaves_the_windows_unassessed()
    {
        var screen = Stroke.Screen(new BeFastFindings(Speech: true), Now);

        Assert.Null(screen.LastKnownWell);
        Assert.Null(screen.SinceLastKnownWell);
        Assert.Null(screen.WithinThrombolysisWindow);
        Assert.Null(screen.WithinThrombectomyWindow);
        Assert.Contains("not recorded", screen.Findings[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Last_known_well_after_now_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Stroke.Screen(new BeFastFindings(LastKnownWell: Now.AddMinutes(1)), Now));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, HemiparesisSide.None, 0, 0, false)]
    [InlineData(1, 1, 1, 1, HemiparesisSide.Left, 0, 4, false)]
    [InlineData(1, 1, 1, 1, HemiparesisSide.Right, 1, 5, true)]
    [InlineData(2, 2, 0, 1, HemiparesisSide.Left, 0, 5, true)]
    [InlineData(2, 2, 2, 1, HemiparesisSide.Right, 2, 9, true)]
    public void Race_total_sums_its_items_and_suggests_lvo_from_five(int face, int arm, int leg, int gaze,
        HemiparesisSide side, int cortical, int total, bool lvo)
    {
        var race = new RaceScore(face, arm, leg, gaze, side, cortical);
        var result = race.Evaluate();

        Assert.Equal(total, race.Total);
        Assert.Equal(total, result.Total);
        Assert.Equal(5, result.Threshold);
        Assert.Equal(9, result.Maximum);
        Assert.Equal(lvo, result.SuggestsLvo);
        Assert.Contains("Pérez de la Ossa", result.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3, 0, 0, 0, 0, "facialPalsy")]
    [InlineData(0, 3, 0, 0, 0, "armMotor")]
    [InlineData(0, 0, 3, 0, 0, "legMotor")]
    [InlineData(0, 0, 0, 2, 0, "headAndGazeDeviation")]
    [InlineData(0, 0, 0, 0, 3, "aphasiaOrAgnosia")]
    [InlineData(-1, 0, 0, 0, 0, "facialPalsy")]
    public void Race_item_outside_its_range_is_rejected(int face, int arm, int leg, int gaze, int cortical,
        string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() =>
            new RaceScore(face, arm, leg, gaze, HemiparesisSide.Right, cortical));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Race_cortical_item_without_a_hemiparesis_is_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RaceScore(1, 0, 0, 0, HemiparesisSide.None, 1));
    }

    [Theory]
    [InlineData(0, 0, 0, 0, false)]
    [InlineData(1, 1, 1, 3, false)]
    [InlineData(0, 2, 2, 4, true)]
    [InlineData(1, 2, 1, 4, true)]
    [InlineData(1, 2, 2, 5, true)]
    public void Lams_total_sums_its_items_and_suggests_lvo_from_four(int face, int arm, int grip, int total,
        bool lvo)
    {
        var result = new LamsScore(face, arm, grip).Evaluate();

        Assert.Equal(total, result.Total);
        Assert.Equal(4, result.Threshold);
        Assert.Equal(5, result.Maximum);
        Assert.Equal(lvo, result.SuggestsLvo);
        Assert.Contains("Nazliel", result.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, 0, 0, "facialDroop")]
    [InlineData(0, 3, 0, "armDrift")]
    [InlineData(0, 0, 3, "gripStrength")]
    [InlineData(0, -1, 0, "armDrift")]
    public void Lams_item_outside_its_range_is_rejected(int face, int arm, int grip, string parameter)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new LamsScore(face, arm, grip));

        Assert.Equal(parameter, error.ParamName);
    }

    [Fact]
    public void Assessment_without_a_scale_does_not_claim_anything_about_lvo()
    {
        var result = Stroke.Assess(new StrokeAssessment(new BeFastFindings(Arm: true)), Now);

        Assert.Null(result.IsLvoSuspected);
        Assert.Empty(result.LvoScales);
        Assert.True(result.Screen.IsStrokeSuspected);
    }

    [Fact]
    public void Assessment_suspects_lvo_when_either_scale_reaches_its_threshold_and_shows_both()
    {
        var assessment = new StrokeAssessment(
            new BeFastFindings(Face: true, Arm: true, LastKnownWell: Now.AddHours(-2)),
            Race: new RaceScore(2, 2, 1, 0, HemiparesisSide.Left, 0),
            Lams: new LamsScore(1, 1, 1));

        var result = Stroke.Assess(assessment, Now);

        Assert.True(result.IsLvoSuspected);
        Assert.Equal([LvoScale.Race, LvoScale.Lams], result.LvoScales.Select(s => s.Scale));
        Assert.Contains(result.Evidence, e => e.StartsWith("RACE 5/9 ≥ 5: suggests", StringComparison.Ordinal));
        Assert.Contains(result.Evidence, e => e.StartsWith("LAMS 3/5 < 4: does not suggest", StringComparison.Ordinal));
    }

    [Fact]
    public void Assessment_with_every_scale_below_threshold_does_not_suspect_lvo()
    {
        var assessment = new StrokeAssessment(new BeFastFindings(Speech: true),
            Race: new RaceScore(1, 1, 0, 0, HemiparesisSide.Right, 1), Lams: new LamsScore(1, 1, 0));

        Assert.False(Stroke.Assess(assessment, Now).IsLvoSuspected);
    }
}
