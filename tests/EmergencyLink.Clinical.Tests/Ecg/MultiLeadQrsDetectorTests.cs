using EmergencyLink.Clinical.Ecg;

namespace EmergencyLink.Clinical.Tests.Ecg;

public sealed class MultiLeadQrsDetectorTests
{
    [SkippableTheory]
    [InlineData("cinc2021/E07500")]
    [InlineData("cinc2021/HR06000")]
    [InlineData("cinc2021/E07514")]
    [InlineData("ptbdb/s0010_re")]
    public void Frames_of_40_ms_per_lead_and_interleaved_give_the_beats_of_one_push(string name)
    {
        var record = EcgData.Record(name);
        var leads = EcgData.Leads(record);
        var whole = MultiLeadQrsDetector.Detect(leads, record.SamplingRate);
        var frame = (int)Math.Round(0.040 * record.SamplingRate);

        var perLead = new MultiLeadQrsDetector(record.SamplingRate, leads.Length);
        var interleaved = new MultiLeadQrsDetector(record.SamplingRate, leads.Length);
        var a = new List<long>();
        var b = new List<long>();
        for (var offset = 0; offset < leads[0].Length; offset += frame)
        {
            var count = Math.Min(frame, leads[0].Length - offset);
            perLead.Push([.. leads.Select(l => l[offset..(offset + count)])], a);
            var mixed = new float[count * leads.Length];
            for (var t = 0; t < count; t++)
            {
                for (var l = 0; l < leads.Length; l++)
                {
                    mixed[(t * leads.Length) + l] = leads[l][offset + t];
                }
            }

            interleaved.PushInterleaved(mixed, b);
        }

        perLead.Flush(a);
        interleaved.Flush(b);
        Assert.True(whole.Length >= 8, $"{name}: {whole.Length} beats in 10 s");
        Assert.Equal(whole, a);
        Assert.Equal(whole, b);
    }

    [SkippableTheory]
    [InlineData("cinc2021/E07500")]
    [InlineData("cinc2021/HR06001")]
    [InlineData("cinc2021/HR06005")]
    public void One_noisy_or_disconnected_lead_among_twelve_neither_drops_nor_adds_beats(string name)
    {
        var record = EcgData.Record(name);
        var leads = EcgData.Leads(record);
        var clean = MultiLeadQrsDetector.Detect(leads, record.SamplingRate);
        var tolerance = (long)(0.050 * record.SamplingRate);

        // V3 swamped by 0.5 mV RMS noise with 3 mV electrode-pop spikes every 0.7 s.
        var random = new Random(11);
        var noisy = leads.Select(l => (float[])l.Clone()).ToArray();
        for (var i = 0; i < noisy[8].Length; i++)
        {
            noisy[8][i] = (float)(0.5 * Gaussian(random)) + (i % 350 < 5 ? 3f : 0f);
        }

        var disconnected = leads.Select(l => (float[])l.Clone()).ToArray();
        Array.Clear(disconnected[1]);

        foreach (var damaged in new[] { noisy, disconnected })
        {
            var beats = MultiLeadQrsDetector.Detect(damaged, record.SamplingRate);
            var score = BeatScore.Compare(clean, beats, tolerance);
            Assert.Equal((clean.Length, 0, 0), (score.TruePositives, score.FalseNegatives, score.FalsePositives));
        }

        // The same noise on a lone lead does make false beats: the fusion is what protects.
        var alone = QrsDetector.Detect(noisy[8], record.SamplingRate);
        Assert.True(BeatScore.Compare(clean, alone, tolerance).FalsePositives > 0);
    }

    [SkippableFact]
    public void Two_leads_keep_every_cpsc_beat_when_one_lead_goes_flat()
    {
        var record = EcgData.Record("cpsc2021/data_21_7");
        var leads = EcgData.Leads(record);
        Array.Fill(leads[0], 0f, leads[0].Length / 2, leads[0].Length / 2);
        var reference = EcgData.ReferenceBeats("cpsc2021/data_21_7");

        var score = BeatScore.Compare(reference, MultiLeadQrsDetector.Detect(leads, record.SamplingRate), 30);

        Assert.True(score.Sensitivity >= 0.995 && score.PositivePredictivity >= 0.995, score.ToString());
    }

    [Fact]
    public void Frames_of_different_lengths_per_lead_are_rejected()
    {
        var detector = new MultiLeadQrsDetector(500, 2);

        Assert.Throws<ArgumentException>(() => detector.Push([new float[20], new float[19]], []));
        Assert.Throws<ArgumentException>(() => detector.Push([new float[20]], []));
        Assert.Throws<ArgumentException>(() => detector.PushInterleaved(new float[21], []));
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
