using EmergencyLink.Consoles.Video;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Consoles.Tests;

public sealed class FrameStoreTests
{
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x01, 0xFF, 0xD9];

    [Fact]
    public void A_marked_frame_is_found_by_its_sequence_after_newer_frames_replaced_it_as_the_latest()
    {
        var store = new FrameStore();
        for (var sequence = 1; sequence <= 10; sequence++)
        {
            store.Add("ultrasound", sequence, new VideoFrame(sequence == 1, 320, 180, "jpeg", [.. Jpeg, (byte)sequence, 0xFF, 0xD9]));
        }

        Assert.Equal(10, store.Latest("ultrasound")!.Sequence);
        var marked = store.Find("ultrasound", 4)!;
        Assert.Equal((320, 180), (marked.Width, marked.Height));
        Assert.StartsWith("data:image/jpeg;base64,", marked.ImageUri, StringComparison.Ordinal);
        Assert.NotEqual(store.Latest("ultrasound")!.ImageUri, marked.ImageUri);
    }

    [Fact]
    public void Only_the_latest_frames_are_kept_and_a_late_old_frame_does_not_become_the_latest()
    {
        var store = new FrameStore();
        for (var sequence = 1; sequence <= FrameStore.KeptPerChannel + 5; sequence++)
        {
            store.Add("video", sequence, new VideoFrame(false, 320, 180, "jpeg", Jpeg));
        }

        store.Add("video", 3, new VideoFrame(false, 320, 180, "jpeg", Jpeg));

        Assert.Null(store.Find("video", 5));
        Assert.NotNull(store.Find("video", 6));
        Assert.Equal(FrameStore.KeptPerChannel + 5, store.Latest("video")!.Sequence);
    }

    [Fact]
    public void A_frame_that_is_not_a_JPEG_is_counted_not_shown()
    {
        var store = new FrameStore();

        store.Add("video", 1, new VideoFrame(true, 1280, 720, "h264", [0, 0, 0, 1, 0x65]));

        Assert.Equal((1, 1), (store.Received, store.Undecodable));
        Assert.Empty(store.Channels);
        Assert.Null(store.Latest("video"));
    }
}
