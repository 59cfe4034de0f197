using EmergencyLink.Clinical.Wfdb;

namespace EmergencyLink.Clinical.Tests.Wfdb;

public sealed class WfdbAnnotationReaderTests
{
    [SkippableFact]
    public void Reads_mitdb_100_with_the_published_annotation_counts()
    {
        var annotations = WfdbAnnotationReader.Read(SharedData.File("ecg/mitdb/100.atr"));

        // PhysioNet's table for record 100: 2239 normal, 33 APC, 1 PVC, and one rhythm annotation "(N".
        Assert.Equal(2274, annotations.Count);
        Assert.Equal(2239, annotations.Count(a => a.Symbol == "N"));
        Assert.Equal(33, annotations.Count(a => a.Symbol == "A"));
        Assert.Equal(1, annotations.Count(a => a.Symbol == "V"));
        Assert.Equal(2273, annotations.Count(a => a.IsBeat));
        var rhythm = Assert.Single(annotations, a => a.Symbol == "+");
        Assert.Equal("(N", rhythm.Aux);
        Assert.Equal("N", rhythm.Rhythm);
        Assert.True(annotations.Zip(annotations.Skip(1)).All(p => p.First.Sample <= p.Second.Sample));
        Assert.True(annotations[^1].Sample < 650_000);
    }

    [SkippableFact]
    public void Reads_cpsc2021_af_onsets_and_offsets_as_rhythm_changes()
    {
        var annotations = WfdbAnnotationReader.Read(SharedData.File("ecg/cpsc2021/data_92_19.atr"));

        var changes = annotations.Where(a => a.Symbol == "+").Select(a => (a.Sample, a.Rhythm)).ToList();
        Assert.Equal([(14873L, "AFIB"), (18427L, "N"), (54784L, "AFIB"), (62702L, "N")], changes);
    }

    [Fact]
    public void Decodes_skip_num_sub_chn_and_aux_pseudo_codes()
    {
        var bytes = new List<byte>();
        void Word(int code, int field) => bytes.AddRange([(byte)(field & 0xFF), (byte)((code << 2) | ((field >> 8) & 3))]);

        Word(1, 100);                      // N at 100
        Word(61, 3);                       // ... subtype 3 (this annotation only)
        Word(59, 0);                       // SKIP 70000 samples
        bytes.AddRange([0x01, 0x00, 0x70, 0x11]); // high word 1, low word 0x1170: 65536 + 4464 = 70000
        Word(5, 10);                       // V at 100 + 70000 + 10
        Word(62, 1);                       // ... channel 1 from here on
        Word(60, 7);                       // ... number 7 from here on
        Word(28, 2);                       // '+' two samples later
        Word(63, 5);                       // ... aux "(AFIB" padded to 6 bytes
        bytes.AddRange("(AFIB\0"u8.ToArray());
        Word(0, 0);                        // end of file

        var annotations = WfdbAnnotationReader.Parse(bytes.ToArray());

        Assert.Equal(
            [
                new WfdbAnnotation(100, "N", 3, 0, 0, null),
                new WfdbAnnotation(70110, "V", 0, 1, 7, null),
                new WfdbAnnotation(70112, "+", 0, 1, 7, "(AFIB"),
            ],
            annotations);
        Assert.True(annotations[1].IsBeat);
        Assert.False(annotations[2].IsBeat);
        Assert.Equal("AFIB", annotations[2].Rhythm);
    }

    [Fact]
    public void Aux_running_past_the_end_is_a_format_exception()
    {
        byte[] bytes = [100, 1 << 2, 10, 63 << 2, (byte)'(', (byte)'N'];

        Assert.Throws<WfdbFormatException>(() => WfdbAnnotationReader.Parse(bytes));
    }

    [Fact]
    public void Missing_annotation_file_is_a_format_exception()
    {
        Assert.Throws<WfdbFormatException>(() => WfdbAnnotationReader.Read("/nonexistent/x.atr"));
    }

    [Theory]
    [InlineData("N", true)]
    [InlineData("?", true)]
    [InlineData("/", true)]
    [InlineData("+", false)]
    [InlineData("~", false)]
    [InlineData("|", false)]
    public void Beat_labels_are_the_wfdb_qrs_set(string symbol, bool isBeat)
    {
        Assert.Equal(isBeat, new WfdbAnnotation(0, symbol, 0, 0, 0, null).IsBeat);
    }
}
