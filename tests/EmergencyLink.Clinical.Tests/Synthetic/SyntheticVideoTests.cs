using EmergencyLink.Clinical.Synthetic;

namespace EmergencyLink.Clinical.Tests.Synthetic;

public sealed class SyntheticVideoTests
{
    [Fact]
    public void A_frame_is_a_baseline_grayscale_JFIF_picture_of_the_size_the_frame_declares()
    {
        var frame = new SyntheticVideo(400, 5, new Random(1)).Next();

        var data = frame.Data;
        Assert.Equal("jpeg", frame.Codec);
        Assert.Equal((320, 180), (frame.Width, frame.Height));
        Assert.Equal([0xFF, 0xD8, 0xFF, 0xE0], data[..4]);
        Assert.Equal([0xFF, 0xD9], data[^2..]);
        var segments = Segments(data);
        Assert.Contains(0xDB, segments.Keys);
        Assert.Contains(0xC4, segments.Keys);
        // SOF0 (baseline): 8-bit samples, height, width, one component.
        var sof = segments[0xC0];
        Assert.Equal(8, sof[0]);
        Assert.Equal(180, (sof[1] << 8) | sof[2]);
        Assert.Equal(320, (sof[3] << 8) | sof[4]);
        Assert.Equal(1, sof[5]);
    }

    [Fact]
    public void The_frames_of_a_second_carry_the_configured_bitrate_with_a_key_frame_about_three_times_the_others()
    {
        var video = new SyntheticVideo(400, 5, new Random(2));

        var second = Enumerable.Range(0, 5).Select(_ => video.Next()).ToArray();

        var bytes = second.Sum(f => f.Data.Length);
        Assert.InRange(bytes, 400_000 / 8 * 0.85, 400_000 / 8 * 1.15);
        Assert.True(second[0].KeyFrame);
        Assert.All(second.Skip(1), f => Assert.False(f.KeyFrame));
        Assert.InRange((double)second[0].Data.Length / second[1].Data.Length, 2.4, 3.6);
    }

    [Fact]
    public void The_picture_moves_from_one_frame_to_the_next()
    {
        var picture = new SyntheticUltrasound(320, 180, seed: 3);

        var first = picture.Draw(0.0);
        var next = picture.Draw(0.2);

        var changed = first.Zip(next).Count(p => p.First != p.Second);
        Assert.True(changed > first.Length / 10, $"only {changed} pixels changed");
        Assert.Contains(first, p => p > 100);
        Assert.Equal(0, first[0]); // outside the fan, black
    }

    [Fact]
    public void A_bitrate_too_low_for_the_picture_gives_a_whole_picture_larger_than_its_share_rather_than_a_broken_one()
    {
        var frame = new SyntheticVideo(8, 5, new Random(4)).Next();

        Assert.True(frame.Data.Length > 8_000 / 8);
        Assert.Equal([0xFF, 0xD9], frame.Data[^2..]);
        Assert.DoesNotContain(0xFE, Segments(frame.Data).Keys);
    }

    [Fact]
    public void Padding_adds_comment_segments_that_leave_the_picture_as_it_was()
    {
        var picture = GrayscaleJpeg.Encode(new SyntheticUltrasound(64, 48, 5).Draw(1), 64, 48, 60);

        var padded = GrayscaleJpeg.Pad(picture, 100_000);

        Assert.InRange(padded.Length, 100_000 - 4, 100_000);
        var (plain, grown) = (Segments(picture), Segments(padded));
        Assert.Equal(plain[0xC0], grown[0xC0]);
        Assert.Equal(plain[0xDA], grown[0xDA]);
        Assert.Equal(picture[^200..], padded[^200..]);
        Assert.Same(picture, GrayscaleJpeg.Pad(picture, picture.Length - 10));
    }

    /// <summary>Marker → payload of each header segment up to the scan (the last of a kind wins).</summary>
    private static Dictionary<int, byte[]> Segments(byte[] data)
    {
        var found = new Dictionary<int, byte[]>();
        var at = 2;
        while (at + 4 <= data.Length && data[at] == 0xFF)
        {
            var marker = data[at + 1];
            var length = (data[at + 2] << 8) | data[at + 3];
            found[marker] = data[(at + 4)..(at + 2 + length)];
            if (marker == 0xDA)
            {
                break;
            }

            at += 2 + length;
        }

        return found;
    }
}
