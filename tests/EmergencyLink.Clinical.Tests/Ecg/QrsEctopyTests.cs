using EmergencyLink.Clinical.Ecg;

namespace EmergencyLink.Clinical.Tests.Ecg;

/// <summary>
/// QRS detection on ventricular ectopy (<see cref="EctopicEcgSignal"/>): wide, inverted premature beats, couplets and
/// fusion beats must each give one detection, at 128 Hz (SVDB) as at 250-500 Hz.
/// </summary>
public sealed class QrsEctopyTests
{
    public static TheoryData<string, double> Cases()
    {
        var data = new TheoryData<string, double>();
        foreach (var pattern in new[] { "bigeminy", "trigeminy", "couplets and fusion beats" })
        {
            foreach (var rate in new[] { 128.0, 250, 360, 500 })
            {
                data.Add(pattern, rate);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Wide_inverted_pvcs_are_each_detected_once_in_one_lead_and_in_two(string pattern, double rate)
    {
        foreach (var cycle in new[] { 0.6, 0.9 })
        {
            var signal = EctopicEcgSignal.Build(cycle, 300, Pattern(pattern), new Random(1));
            var leads = signal.Render(rate, 2);
            var reference = signal.Reference(rate);

            AssertEveryBeatOnce(reference, QrsDetector.Detect(leads[0], rate), rate);
            AssertEveryBeatOnce(reference, MultiLeadQrsDetector.Detect(leads, rate), rate);
        }
    }

    [Theory]
    [InlineData(128)]
    [InlineData(250)]
    [InlineData(360)]
    [InlineData(500)]
    public void Pvcs_nearly_flat_in_one_lead_are_found_by_the_two_lead_detector(double rate)
    {
        // PVCs whose lead-II deflection is a fifth of the usual, coupled at 450-540 ms (sinus 80 and 67/min). Coupled
        // inside Pan-Tompkins' 360 ms T-wave window they can still be taken for T waves (see clinical-validation.md).
        foreach (var cycle in new[] { 0.75, 0.9 })
        {
            var signal = EctopicEcgSignal.Build(cycle, 300, Pattern("bigeminy"), new Random(3), pvcLeadIIScale: 0.2);
            var leads = signal.Render(rate, 4);

            AssertEveryBeatOnce(signal.Reference(rate), MultiLeadQrsDetector.Detect(leads, rate), rate);
        }
    }

    private static Func<int, EctopicBeatKind> Pattern(string name) => name switch
    {
        "bigeminy" => i => i % 2 == 0 ? EctopicBeatKind.Ventricular : EctopicBeatKind.Normal,
        "trigeminy" => i => i % 3 == 0 ? EctopicBeatKind.Ventricular : EctopicBeatKind.Normal,
        _ => i => i % 5 == 0 ? EctopicBeatKind.Couplet : i % 5 == 3 ? EctopicBeatKind.Fusion : EctopicBeatKind.Normal,
    };

    private static void AssertEveryBeatOnce(long[] reference, long[] detected, double rate)
    {
        var score = BeatScore.Compare(reference, detected, (long)Math.Round(0.150 * rate));
        Assert.True(score.Sensitivity >= 0.995, $"Se {score.Sensitivity:P2} ({score.FalseNegatives} missed)");
        Assert.True(score.PositivePredictivity >= 0.995, $"+P {score.PositivePredictivity:P2} ({score.FalsePositives} extra)");

        // One detection per beat: no two within the 200 ms refractory period (a wide QRS's two slopes are one beat).
        for (var i = 1; i < detected.Length; i++)
        {
            Assert.True(detected[i] - detected[i - 1] >= 0.2 * rate, $"detections {detected[i - 1]} and {detected[i]} are one beat");
        }
    }
}
