using EmergencyLink.Clinical.Ecg;

namespace EmergencyLink.Clinical.Tests.Ecg;

public sealed class RhythmAnalyzerTests
{
    private const double Rate = 250;

    [Fact]
    public void Steady_sinus_rhythm_with_respiratory_variation_is_no_episode()
    {
        var beats = Beats(Enumerable.Range(0, 400).Select(i => 0.85 + (0.04 * Math.Sin(i * 2 * Math.PI / 5))));

        Assert.Empty(RhythmAnalyzer.Analyze(beats, Rate, beats[^1] + 100));
    }

    [Fact]
    public void Forty_beats_a_minute_for_a_minute_is_one_bradycardia_episode()
    {
        var rr = Enumerable.Repeat(0.8, 60).Concat(Enumerable.Repeat(1.5, 40)).Concat(Enumerable.Repeat(0.8, 60));
        var beats = Beats(rr);

        var episode = Assert.Single(RhythmAnalyzer.Analyze(beats, Rate, beats[^1]));

        Assert.Equal("BRADY", episode.Code);
        Assert.InRange(episode.StartSample / Rate, 48, 60 + 8);
        Assert.InRange(episode.EndSample / Rate, 48 + 60 - 8, 48 + 60 + 8);
    }

    [Fact]
    public void A_run_above_100_a_minute_is_tachycardia_but_a_short_burst_is_not()
    {
        var sustained = Beats(Enumerable.Repeat(0.8, 40).Concat(Enumerable.Repeat(0.45, 60)).Concat(Enumerable.Repeat(0.8, 40)));
        var burst = Beats(Enumerable.Repeat(0.8, 40).Concat(Enumerable.Repeat(0.45, 12)).Concat(Enumerable.Repeat(0.8, 40)));

        Assert.Equal("TACHY", Assert.Single(RhythmAnalyzer.Analyze(sustained, Rate, sustained[^1])).Code);
        Assert.Empty(RhythmAnalyzer.Analyze(burst, Rate, burst[^1]));
    }

    [Fact]
    public void Isolated_premature_beats_with_their_compensatory_pauses_are_no_episode()
    {
        var rr = new List<double>();
        for (var i = 0; i < 300; i++)
        {
            rr.AddRange(i % 12 == 6 ? [0.5, 1.2] : [0.85]);
        }

        var beats = Beats(rr);

        Assert.Empty(RhythmAnalyzer.Analyze(beats, Rate, beats[^1]));
    }

    [Fact]
    public void Ventricular_bigeminy_is_patterned_not_atrial_fibrillation()
    {
        var beats = Beats(Enumerable.Range(0, 200).Select(i => i % 2 == 0 ? 0.55 : 1.15));

        Assert.DoesNotContain(RhythmAnalyzer.Analyze(beats, Rate, beats[^1]), e => e.Rhythm == RhythmKind.AtrialFibrillation);
    }

    [Fact]
    public void Irregularly_irregular_rr_between_sinus_stretches_is_af_with_onset_and_end()
    {
        var random = new Random(3);
        var rr = Enumerable.Repeat(0.9, 60)
            .Concat(Enumerable.Range(0, 150).Select(_ => 0.4 + (0.6 * random.NextDouble())))
            .Concat(Enumerable.Repeat(0.9, 60))
            .ToList();
        var beats = Beats(rr);
        var onset = beats[60] / Rate;
        var end = beats[210] / Rate;

        var af = Assert.Single(RhythmAnalyzer.Analyze(beats, Rate, beats[^1]), e => e.Rhythm == RhythmKind.AtrialFibrillation);

        Assert.InRange(af.StartSample / Rate, onset - 5, onset + 5);
        Assert.InRange(af.EndSample / Rate, end - 5, end + 5);
        Assert.Equal(AfRecordClass.Paroxysmal, RhythmAnalyzer.ClassifyAf([af], 0, beats[^1]));
        Assert.Equal(AfRecordClass.Persistent, RhythmAnalyzer.ClassifyAf([af], beats[60], beats[210]));
    }

    [Fact]
    public void An_rr_of_3_5_s_is_a_pause_bounded_by_its_beats_and_2_5_s_is_not()
    {
        var beats = Beats(Enumerable.Repeat(0.8, 30).Append(3.5).Concat(Enumerable.Repeat(0.8, 30)).Append(2.5).Concat(Enumerable.Repeat(0.8, 30)));

        var pause = Assert.Single(RhythmAnalyzer.Analyze(beats, Rate, beats[^1]), e => e.Rhythm == RhythmKind.Pause);

        Assert.Equal((beats[30], beats[31]), (pause.StartSample, pause.EndSample));
        Assert.Equal(3.5, pause.DurationSeconds(Rate), 3);
    }

    [Fact]
    public void A_pause_shows_as_ongoing_while_no_beat_comes_and_completes_at_the_next_beat()
    {
        var analyzer = new RhythmAnalyzer(Rate);
        var beats = Beats(Enumerable.Repeat(0.8, 20));
        analyzer.AddBeats(beats);

        analyzer.AdvanceTo(beats[^1] + (long)(2.9 * Rate));
        Assert.Empty(analyzer.Ongoing);
        analyzer.AdvanceTo(beats[^1] + (long)(3.1 * Rate));
        var ongoing = Assert.Single(analyzer.Ongoing);
        Assert.Equal((RhythmKind.Pause, beats[^1]), (ongoing.Rhythm, ongoing.StartSample));

        analyzer.AddBeat(beats[^1] + (long)(4 * Rate));
        Assert.Empty(analyzer.Ongoing);
        Assert.Equal(new RhythmEpisode(RhythmKind.Pause, beats[^1], beats[^1] + (long)(4 * Rate)), Assert.Single(analyzer.Completed));
    }

    [Fact]
    public void Streaming_one_beat_at_a_time_ends_with_the_batch_episodes()
    {
        var random = new Random(8);
        var rr = Enumerable.Repeat(0.7, 80).Concat(Enumerable.Range(0, 90).Select(_ => 0.35 + (0.5 * random.NextDouble())))
            .Concat(Enumerable.Repeat(1.6, 30)).Append(3.2).Concat(Enumerable.Repeat(0.45, 50));
        var beats = Beats(rr);
        var analyzer = new RhythmAnalyzer(Rate);
        foreach (var beat in beats)
        {
            analyzer.AddBeat(beat);
            analyzer.AdvanceTo(beat);
        }

        var streamed = analyzer.Finish(beats[^1]);
        var batch = RhythmAnalyzer.Analyze(beats, Rate, beats[^1]);

        Assert.Equal(batch, streamed);
        Assert.Equal(
            [RhythmKind.AtrialFibrillation, RhythmKind.Bradycardia, RhythmKind.Tachycardia, RhythmKind.Pause],
            batch.Select(e => e.Rhythm).Distinct().OrderBy(k => k));
    }

    [Fact]
    public void Beats_out_of_order_are_rejected()
    {
        var analyzer = new RhythmAnalyzer(Rate);
        analyzer.AddBeat(100);

        Assert.Throws<ArgumentOutOfRangeException>(() => analyzer.AddBeat(100));
    }

    [Theory]
    [InlineData(RhythmKind.AtrialFibrillation, "AF")]
    [InlineData(RhythmKind.Bradycardia, "BRADY")]
    [InlineData(RhythmKind.Tachycardia, "TACHY")]
    [InlineData(RhythmKind.Pause, "PAUSE")]
    public void Each_rhythm_has_its_printed_code(RhythmKind kind, string code)
    {
        Assert.Equal(code, kind.Code());
        Assert.Equal(kind, RhythmKindCodes.Parse(code));
    }

    [Fact]
    public void Heart_rate_is_the_median_so_one_premature_beat_does_not_move_it()
    {
        var beats = Beats([1.0, 1.0, 1.0, 0.5, 1.5, 1.0, 1.0, 1.0]);

        Assert.Equal([1.0, 1.0, 1.0, 0.5, 1.5, 1.0, 1.0, 1.0], HeartRate.RrIntervalsSeconds(beats, Rate));
        Assert.Equal(60, HeartRate.CurrentBpm(beats, Rate)!.Value, 6);
        Assert.Equal(60, HeartRate.MedianBpm(beats, Rate, beats[0], beats[^1])!.Value, 6);
        Assert.Null(HeartRate.CurrentBpm([5], Rate));
    }

    private static long[] Beats(IEnumerable<double> rrSeconds)
    {
        var beats = new List<long> { 0 };
        var t = 0.0;
        foreach (var rr in rrSeconds)
        {
            t += rr;
            beats.Add((long)Math.Round(t * Rate));
        }

        return [.. beats];
    }
}
