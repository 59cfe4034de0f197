using EmergencyLink.Clinical.Ecg;

namespace EmergencyLink.Clinical.Tests.Ecg;

/// <summary>
/// AF is irregularly irregular; ectopy on a regular rhythm is regularly irregular. Each case runs on ten random series
/// (<see cref="RrSequences"/>), so no result rests on one sequence.
/// </summary>
public sealed class RhythmEctopyTests
{
    private const double Rate = 250;
    private const int Seeds = 10;

    [Theory]
    [InlineData(2, 0.8)] // bigeminy
    [InlineData(3, 0.8)] // trigeminy
    [InlineData(4, 0.8)] // quadrigeminy
    [InlineData(3, 0.6)] // trigeminy at 100/min
    [InlineData(2, 1.1)] // bigeminy at 55/min
    public void Ventricular_bigeminy_trigeminy_and_quadrigeminy_are_not_af(int period, double cycle)
    {
        AssertNoAf(random => RrSequences.SinusWithVentricularEctopy(cycle, 400, i => i % period == 0 ? 1 : 0, random));
    }

    [Fact]
    public void Isolated_pvcs_with_compensatory_pauses_are_not_af()
    {
        AssertNoAf(random => RrSequences.SinusWithVentricularEctopy(0.8, 400, _ => random.NextDouble() < 0.12 ? 1 : 0, random));
    }

    [Fact]
    public void Ventricular_couplets_every_few_beats_are_not_af()
    {
        AssertNoAf(random => RrSequences.SinusWithVentricularEctopy(0.8, 400, i => i % 4 == 0 ? 2 : 0, random));
    }

    [Fact]
    public void A_third_of_beats_ventricular_at_random_singles_and_couplets_is_not_af()
    {
        AssertNoAf(random => RrSequences.SinusWithVentricularEctopy(
            0.65, 400, _ => random.NextDouble() < 0.4 ? (random.NextDouble() < 0.2 ? 2 : 1) : 0, random));
    }

    [Fact]
    public void Atrial_premature_beats_that_reset_the_sinus_node_are_not_af()
    {
        AssertNoAf(random => RrSequences.SinusWithAtrialEctopy(0.8, 400, 0.15, random));
    }

    [Fact]
    public void Trigeminy_reads_as_af_when_ectopic_beats_are_not_explained()
    {
        // The same trigeminy as above with the explanation switched off: the ectopy-robust RMSSD alone calls it AF,
        // which is what the explanation is for.
        var beats = RrSequences.Beats(RrSequences.SinusWithVentricularEctopy(0.8, 400, i => i % 3 == 0 ? 1 : 0, new Random(1)), Rate);

        var episodes = RhythmAnalyzer.Analyze(beats, Rate, beats[^1], new RhythmOptions { ExplainEctopicBeats = false });

        Assert.True(AfFraction(episodes, beats) > 0.9);
    }

    [Theory]
    [InlineData(50, 0.15)]
    [InlineData(80, 0.20)]
    [InlineData(100, 0.25)]
    [InlineData(150, 0.15)]
    public void Atrial_fibrillation_is_found_at_slow_and_fast_rates(double bpm, double cv)
    {
        AssertAf(random => RrSequences.AtrialFibrillation(60 / bpm, cv, 400, random));
    }

    [Fact]
    public void Atrial_fibrillation_with_ventricular_premature_beats_is_still_af()
    {
        AssertAf(random => RrSequences.AtrialFibrillationWithPvcs(0.75, 0.2, 400, 0.15, random));
    }

    [Fact]
    public void Af_starting_out_of_trigeminy_is_found_within_10_s_of_its_onset_and_the_trigeminy_is_not()
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var random = new Random(seed);
            var trigeminy = RrSequences.SinusWithVentricularEctopy(0.8, 120, i => i % 3 == 0 ? 1 : 0, random);
            var af = RrSequences.AtrialFibrillation(0.6, 0.2, 200, random);
            var beats = RrSequences.Beats(trigeminy.Concat(af), Rate);
            var onset = beats[trigeminy.Count] / Rate;

            var episodes = RhythmAnalyzer.Analyze(beats, Rate, beats[^1]).Where(e => e.Rhythm == RhythmKind.AtrialFibrillation).ToList();

            // The first AF episode starts within 10 s of the onset, none before it; a stretch of AF that happens to be
            // regular may still split the episode later, which RR intervals alone cannot avoid.
            Assert.NotEmpty(episodes);
            Assert.InRange(episodes[0].StartSample / Rate, onset - 10, onset + 10);
        }
    }

    [Fact]
    public void Streaming_with_ectopy_ends_with_the_batch_episodes()
    {
        var random = new Random(4);
        var rr = RrSequences.SinusWithVentricularEctopy(0.8, 150, i => i % 3 == 0 ? 1 : 0, random)
            .Concat(RrSequences.AtrialFibrillationWithPvcs(0.7, 0.2, 150, 0.1, random))
            .Concat(RrSequences.SinusWithVentricularEctopy(0.8, 150, i => i % 2 == 0 ? 1 : 0, random));
        var beats = RrSequences.Beats(rr, Rate);
        var analyzer = new RhythmAnalyzer(Rate);
        foreach (var beat in beats)
        {
            analyzer.AddBeat(beat);
            analyzer.AdvanceTo(beat);
        }

        Assert.Equal(RhythmAnalyzer.Analyze(beats, Rate, beats[^1]), analyzer.Finish(beats[^1]));
    }

    [Fact]
    public void Bigeminy_is_marked_as_coupling_interval_and_pause_throughout()
    {
        double[] rr = [0.50, 1.10, 0.52, 1.08, 0.49, 1.11, 0.51, 1.09];

        var roles = new IntervalRole[rr.Length];
        var marked = EctopicIntervals.Mark(rr, 0.8, roles);

        Assert.Equal(rr.Length, marked);
        Assert.All(roles.Where((_, i) => i % 2 == 0), r => Assert.Equal(IntervalRole.Coupling, r));
        Assert.All(roles.Where((_, i) => i % 2 == 1), r => Assert.Equal(IntervalRole.Ectopic, r));
    }

    [Fact]
    public void An_interval_that_is_not_premature_is_left_to_the_underlying_rhythm()
    {
        double[] rr = [0.80, 0.78, 0.70, 0.95, 0.82];

        var roles = new IntervalRole[rr.Length];

        Assert.Equal(0, EctopicIntervals.Mark(rr, 0.8, roles));
        Assert.All(roles, r => Assert.Equal(IntervalRole.Underlying, r));
    }

    private static void AssertNoAf(Func<Random, List<double>> make)
    {
        for (var seed = 0; seed < Seeds; seed++)
        {
            var beats = RrSequences.Beats(make(new Random(seed)), Rate);

            var episodes = RhythmAnalyzer.Analyze(beats, Rate, beats[^1]);

            Assert.DoesNotContain(episodes, e => e.Rhythm == RhythmKind.AtrialFibrillation);
        }
    }

    private static void AssertAf(Func<Random, List<double>> make)
    {
        // AF is judged per 16-interval window, and a window of AF can by chance look like sinus rhythm with premature
        // beats; asserted: AF covers at least 80 % of each series and 90 % on average.
        var fractions = new List<double>();
        for (var seed = 0; seed < Seeds; seed++)
        {
            var beats = RrSequences.Beats(make(new Random(seed)), Rate);
            var episodes = RhythmAnalyzer.Analyze(beats, Rate, beats[^1]);
            fractions.Add(AfFraction(episodes, beats));
            Assert.Equal(AfRecordClass.Persistent, RhythmAnalyzer.ClassifyAf(episodes, beats[0], beats[^1], new RhythmOptions { PersistentAfFraction = 0.8 }));
        }

        Assert.True(fractions.Average() >= 0.9, $"mean AF fraction {fractions.Average():F2}");
    }

    private static double AfFraction(IReadOnlyList<RhythmEpisode> episodes, long[] beats) =>
        episodes.Where(e => e.Rhythm == RhythmKind.AtrialFibrillation).Sum(e => e.EndSample - e.StartSample) / (double)(beats[^1] - beats[0]);
}
