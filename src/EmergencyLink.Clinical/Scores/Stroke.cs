using System.Globalization;

namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// Prehospital stroke recognition. BE-FAST: Aroor S, Singh R, Goldstein LB. BE-FAST (Balance, Eyes, Face, Arm,
/// Speech, Time): reducing the proportion of strokes missed using the FAST mnemonic. Stroke 2017;48:479–481 — adding
/// balance and eyes to FAST because FAST alone missed 14 % of ischaemic strokes, mostly posterior circulation.
/// "Now" is always passed in: the library never reads the clock, so a replayed case gives the same answer.
/// </summary>
public static class Stroke
{
    /// <summary>
    /// Intravenous thrombolysis up to 4.5 h from last known well: Hacke W et al. (ECASS III), N Engl J Med
    /// 2008;359:1317–1329; Powers WJ et al., 2019 AHA/ASA guidelines for early management of acute ischemic stroke,
    /// Stroke 2019;50:e344–e418.
    /// </summary>
    public static readonly TimeSpan ThrombolysisWindow = TimeSpan.FromHours(4.5);

    /// <summary>
    /// Mechanical thrombectomy up to 24 h from last known well in imaging-selected patients: Nogueira RG et al.
    /// (DAWN), N Engl J Med 2018;378:11–21; Powers 2019 (within 6 h, and 6–24 h with DAWN/DEFUSE 3 imaging criteria).
    /// </summary>
    public static readonly TimeSpan ThrombectomyWindow = TimeSpan.FromHours(24);

    /// <summary>Beyond 6 h thrombectomy needs perfusion/clinical-mismatch selection (DAWN, DEFUSE 3; Powers 2019).</summary>
    public static readonly TimeSpan EarlyThrombectomyWindow = TimeSpan.FromHours(6);

    public static StrokeScreen Screen(BeFastFindings findings, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(findings);

        var positive = new List<BeFastSign>();
        if (findings.Balance)
        {
            positive.Add(BeFastSign.Balance);
        }

        if (findings.Eyes)
        {
            positive.Add(BeFastSign.Eyes);
        }

        if (findings.Face)
        {
            positive.Add(BeFastSign.Face);
        }

        if (findings.Arm)
        {
            positive.Add(BeFastSign.Arm);
        }

        if (findings.Speech)
        {
            positive.Add(BeFastSign.Speech);
        }

        var text = new List<string>
        {
            positive.Count > 0
                ? "BE-FAST positive (" + string.Join(", ", positive.Select(Describe))
                    + "): stroke suspected (Aroor 2017)"
                : "BE-FAST negative: no balance, eye, face, arm or speech sign found",
        };

        if (findings.LastKnownWell is not { } lastKnownWell)
        {
            text.Add("Last known well not recorded: reperfusion windows cannot be assessed");
            return new StrokeScreen(positive.Count > 0, positive, null, null, null, null, text);
        }

        var since = now - lastKnownWell;
        if (since < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(findings), lastKnownWell,
                $"Last known well ({lastKnownWell:O}) is after now ({now:O}).");
        }

        var thrombolysis = since <= ThrombolysisWindow;
        var thrombectomy = since <= ThrombectomyWindow;
        text.Add(
            $"Last known well {Format(since)} ago: "
            + (thrombolysis ? "within" : "beyond") + " the 4.5 h intravenous thrombolysis window, "
            + (thrombectomy ? "within" : "beyond") + " the 24 h thrombectomy window"
            + (thrombectomy && since > EarlyThrombectomyWindow
                ? " (beyond 6 h thrombectomy depends on imaging selection)"
                : string.Empty)
            + "; eligibility is decided by the stroke team");

        return new StrokeScreen(positive.Count > 0, positive, lastKnownWell, since, thrombolysis, thrombectomy, text);
    }

    public static StrokeAssessmentResult Assess(StrokeAssessment assessment, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(assessment.BeFast);

        var scales = new List<LvoScaleResult>();
        if (assessment.Race is { } race)
        {
            scales.Add(race.Evaluate());
        }

        if (assessment.Lams is { } lams)
        {
            scales.Add(lams.Evaluate());
        }

        return new StrokeAssessmentResult(Screen(assessment.BeFast, now), scales);
    }

    public static string Describe(BeFastSign sign) => sign switch
    {
        BeFastSign.Balance => "balance",
        BeFastSign.Eyes => "eyes",
        BeFastSign.Face => "face",
        BeFastSign.Arm => "arm",
        BeFastSign.Speech => "speech",
        _ => throw new ArgumentOutOfRangeException(nameof(sign), sign, "Not a BE-FAST sign."),
    };

    private static string Format(TimeSpan span) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours} h {span.Minutes:00} min");
}
