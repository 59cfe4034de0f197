using EmergencyLink.Clinical.Wfdb;

namespace EmergencyLink.Clinical.Tests.Wfdb;

public sealed class WfdbReaderTests
{
    private static string Record(string relative) => SharedData.File($"ecg/{relative}.hea")[..^4];

    [SkippableFact]
    public void Reads_mitdb_100_format_212_after_a_leading_comment_line()
    {
        var record = WfdbReader.Read(Record("mitdb/100"));

        Assert.Equal("100", record.Name);
        Assert.Equal(360, record.SamplingRate);
        Assert.Equal(650_000, record.SampleCount);
        Assert.Equal(["MLII", "V5"], record.Signals.Select(s => s.Name));
        Assert.Contains("69 M 1085 1629 x1", record.Comments);
        var mlii = record.Find("mlii")!;
        Assert.Equal(212, mlii.Format);
        Assert.Equal(200, mlii.Gain);
        Assert.Equal(1024, mlii.Baseline);
        Assert.Equal(650_000, mlii.Samples.Length);
        foreach (var signal in record.Signals)
        {
            // The header's checksum and initial value are independent checks of the 12-bit unpacking.
            Assert.True(signal.ChecksumMatches, $"{signal.Name}: checksum {signal.ComputedChecksum} vs {signal.Spec.Checksum}");
            Assert.Equal(signal.Spec.InitialValue, signal.Samples[0]);
        }

        Assert.Equal((995 - 1024) / 200f, mlii.ToMillivolts()[0], 6);
    }

    [SkippableFact]
    public void Reads_the_fifteen_ptbdb_leads_spread_over_dat_and_xyz()
    {
        var record = WfdbReader.Read(Record("ptbdb/s0010_re"));

        Assert.Equal(1000, record.SamplingRate);
        Assert.Equal(38_400, record.SampleCount);
        Assert.Equal(
            ["i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6", "vx", "vy", "vz"],
            record.Signals.Select(s => s.Name));
        Assert.Equal("s0010_re.xyz", record.Find("VZ")!.Spec.FileName);
        Assert.All(record.Signals, s => Assert.True(s.ChecksumMatches, s.Name));
        Assert.All(record.Signals, s => Assert.Equal(s.Spec.InitialValue, s.Samples[0]));
        Assert.Contains(record.Comments, c => c.Contains("Myocardial infarction", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void Reads_cpsc2021_float_gains_with_a_baseline_in_parentheses()
    {
        var record = WfdbReader.Read(Record("cpsc2021/data_21_7"));

        var lead = record.Find("I")!;
        Assert.Equal(31132.342697933593, lead.Gain, 9);
        Assert.Equal(-166854, lead.Baseline);
        Assert.Equal("mV", lead.Units);
        Assert.Equal(200, record.SamplingRate);
        Assert.All(record.Signals, s => Assert.True(s.ChecksumMatches, s.Name));
        Assert.Equal((-15550 + 166854) / 31132.342697933593, lead.ToMillivolts()[0], 4);
        Assert.Equal("non atrial fibrillation", record.Comments[0]);
    }

    [SkippableFact]
    public void Reads_cinc2021_samples_from_the_matlab_v4_container_column_by_column()
    {
        var record = WfdbReader.Read(Record("cinc2021/E07500"));

        Assert.Equal(12, record.Signals.Count);
        Assert.Equal(500, record.SamplingRate);
        Assert.Equal(5000, record.SampleCount);
        // Checksums and initial values of all twelve leads only agree when columns (not rows) are frames.
        Assert.All(record.Signals, s => Assert.True(s.ChecksumMatches, s.Name));
        Assert.All(record.Signals, s => Assert.Equal(s.Spec.InitialValue, s.Samples[0]));
        Assert.Contains("Dx: 67741000119109,426177001", record.Comments);
    }

    [SkippableFact]
    public void Every_shared_record_decodes_to_its_header_checksums()
    {
        var root = Path.GetDirectoryName(SharedData.File("ecg/SOURCE.md"))!;
        var headers = Directory.GetFiles(root, "*.hea", SearchOption.AllDirectories);
        Assert.NotEmpty(headers);
        foreach (var header in headers)
        {
            var record = WfdbReader.Read(header[..^4]);
            Assert.All(record.Signals, s => Assert.True(s.ChecksumMatches, $"{record.Name} {s.Name}"));
        }
    }

    [Fact]
    public void Header_defaults_and_optional_fields_follow_header_5()
    {
        var header = WfdbHeader.Parse(
            "# made up\n" +
            "rec 3\n" +
            "rec.dat 212:2+512 0 12 1024 1000 -5 0 lead one\n" +
            "rec.dat 16x2 400(-7)/uV\n" +
            "other.dat 80\n" +
            "# trailing comment\n");

        Assert.Equal(WfdbHeader.DefaultSamplingRate, header.SamplingRate);
        Assert.Null(header.SampleCount);
        Assert.Equal(["made up", "trailing comment"], header.Comments);
        var first = header.Signals[0];
        Assert.Equal((212, 2, 512L, 200.0, 1024, "lead one"), (first.Format, first.Skew, first.ByteOffset, first.Gain, first.Baseline, first.Description));
        Assert.Equal((1000, -5), (first.InitialValue!.Value, first.Checksum!.Value));
        var second = header.Signals[1];
        Assert.Equal((16, 2, 400.0, -7, "uV"), (second.Format, second.SamplesPerFrame, second.Gain, second.Baseline, second.Units));
        var third = header.Signals[2];
        Assert.Equal((200.0, 0, "mV", ""), (third.Gain, third.Baseline, third.Units, third.Description));
    }

    [Fact]
    public void Record_line_reads_sampling_frequency_with_counter_frequency_and_sample_count()
    {
        var header = WfdbHeader.Parse("r 1 128/1000(0) 46080 12:00:00 01/01/2000\nr.dat 16 200 16 0 0 0 0 ECG\n");

        Assert.Equal(128, header.SamplingRate);
        Assert.Equal(46080, header.SampleCount);
    }

    [Fact]
    public void Decodes_every_supported_format_and_interleaves_signals_by_frame()
    {
        using var dir = new TempDirectory();
        int[] a = [0, 1, -1, 120, -120, 99, -99]; // fits every format, 8-bit included
        int[] b = [5, -6, 7, -8, 9, -10, 11];
        foreach (var format in WfdbFormats.Supported)
        {
            var bytes = Encode(format, a, b);
            File.WriteAllBytes(Path.Combine(dir.Path, $"f{format}.dat"), bytes);
            File.WriteAllText(
                Path.Combine(dir.Path, $"f{format}.hea"),
                $"f{format} 2 100 {a.Length}\nf{format}.dat {format} 100 12 0 0 0 0 A\nf{format}.dat {format} 100 12 0 0 0 0 B\n");

            var record = WfdbReader.Read(Path.Combine(dir.Path, $"f{format}"));

            Assert.Equal(a, record.Signals[0].Samples);
            Assert.Equal(b, record.Signals[1].Samples);
        }
    }

    [Fact]
    public void Applies_byte_offset_and_skew()
    {
        using var dir = new TempDirectory();
        var data = new byte[6 + 8];
        short[] values = [10, 20, 30, 40];
        for (var i = 0; i < values.Length; i++)
        {
            BitConverter.GetBytes(values[i]).CopyTo(data, 6 + (2 * i));
        }

        File.WriteAllBytes(Path.Combine(dir.Path, "s.dat"), data);
        File.WriteAllText(Path.Combine(dir.Path, "s.hea"), "s 1 100 4\ns.dat 16:1+6 100 16 0\n");

        var signal = WfdbReader.Read(Path.Combine(dir.Path, "s")).Signals[0];

        Assert.Equal([20, 30, 40, short.MinValue], signal.Samples);
        Assert.True(float.IsNaN(signal.ToMillivolts()[3]));
    }

    [Fact]
    public void Converts_microvolt_and_volt_units_to_millivolts()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(Path.Combine(dir.Path, "u.dat"), [0xE8, 0x03, 0xE8, 0x03, 0xE8, 0x03]);
        File.WriteAllText(
            Path.Combine(dir.Path, "u.hea"),
            "u 3 100 1\nu.dat 16 1(0)/uV 16 0\nu.dat 16 1000(0)/V 16 0\nu.dat 16 1(0)/mmHg 16 0 0 0 0 BP\n");

        var record = WfdbReader.Read(Path.Combine(dir.Path, "u"));

        Assert.Equal(1f, record.Signals[0].ToMillivolts()[0], 6);
        Assert.Equal(1000f, record.Signals[1].ToMillivolts()[0], 3);
        Assert.Throws<InvalidOperationException>(() => record.Signals[2].ToMillivolts());
    }

    [Fact]
    public void Missing_header_is_a_format_exception_naming_the_file()
    {
        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read("/nonexistent/nothing"));
        Assert.Contains("/nonexistent/nothing.hea", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Truncated_signal_file_is_a_format_exception()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(Path.Combine(dir.Path, "t.dat"), new byte[10]);
        File.WriteAllText(Path.Combine(dir.Path, "t.hea"), "t 1 100 6\nt.dat 16 200 16 0\n");

        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read(Path.Combine(dir.Path, "t")));
        Assert.Contains("truncated", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("x 1 100 4\nx.dat 311 200\n", "311")]
    [InlineData("x 1 100 4\nx.dat 8 200\n", "format 8")]
    [InlineData("x/2 1 100 4\n", "multi-segment")]
    [InlineData("x 2 100 4\nx.dat 16 200\n", "2 signals")]
    [InlineData("x 1 100 4\nx.dat 16 abc\n", "ADC gain")]
    public void Unsupported_or_malformed_headers_are_format_exceptions(string header, string expected)
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(Path.Combine(dir.Path, "x.dat"), new byte[64]);
        File.WriteAllText(Path.Combine(dir.Path, "x.hea"), header);

        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read(Path.Combine(dir.Path, "x")));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Matlab_container_whose_shape_disagrees_with_the_header_is_a_format_exception()
    {
        using var dir = new TempDirectory();
        var bytes = new byte[24 + (3 * 4 * 2)];
        BitConverter.GetBytes(30).CopyTo(bytes, 0);
        BitConverter.GetBytes(3).CopyTo(bytes, 4); // three rows, but the header names two signals
        BitConverter.GetBytes(4).CopyTo(bytes, 8);
        BitConverter.GetBytes(4).CopyTo(bytes, 16);
        "val\0"u8.ToArray().CopyTo(bytes, 20);
        File.WriteAllBytes(Path.Combine(dir.Path, "m.mat"), bytes);
        File.WriteAllText(Path.Combine(dir.Path, "m.hea"), "m 2 500 4\nm.mat 16x1+24 1000/mV 16 0 0 0 0 I\nm.mat 16x1+24 1000/mV 16 0 0 0 0 II\n");

        var error = Assert.Throws<WfdbFormatException>(() => WfdbReader.Read(Path.Combine(dir.Path, "m")));
        Assert.Contains("3 rows", error.Message, StringComparison.Ordinal);
    }

    private static byte[] Encode(int format, int[] a, int[] b)
    {
        var stream = new List<int>();
        for (var i = 0; i < a.Length; i++)
        {
            stream.Add(a[i]);
            stream.Add(b[i]);
        }

        var bytes = new List<byte>();
        switch (format)
        {
            case 212:
                for (var i = 0; i < stream.Count; i += 2)
                {
                    var s0 = stream[i] & 0xFFF;
                    var s1 = i + 1 < stream.Count ? stream[i + 1] & 0xFFF : 0;
                    bytes.Add((byte)(s0 & 0xFF));
                    bytes.Add((byte)((s0 >> 8) | ((s1 >> 8) << 4)));
                    bytes.Add((byte)(s1 & 0xFF));
                }

                break;
            default:
                foreach (var v in stream)
                {
                    switch (format)
                    {
                        case 16:
                            bytes.AddRange(BitConverter.GetBytes((short)v));
                            break;
                        case 61:
                            bytes.AddRange(BitConverter.GetBytes((short)v).Reverse());
                            break;
                        case 160:
                            bytes.AddRange(BitConverter.GetBytes((ushort)(v + 32768)));
                            break;
                        case 80:
                            bytes.Add((byte)(v + 128));
                            break;
                        case 24:
                            bytes.AddRange(BitConverter.GetBytes(v).Take(3));
                            break;
                        case 32:
                            bytes.AddRange(BitConverter.GetBytes(v));
                            break;
                        default:
                            throw new InvalidOperationException($"No encoder for {format}.");
                    }
                }

                break;
        }

        return [.. bytes];
    }
}
