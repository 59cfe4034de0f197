using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Consoles.Video;

/// <summary>
/// The latest frames of a case's video channels, by sequence, on one screen. A guidance mark names the frame it was
/// drawn on by its sequence, and reaches the crew's screen a moment after that frame has been replaced there by newer
/// ones: the screen keeps the last few seconds, so it can show the mark on the very frame the clinician marked.
/// Frames that are not JPEG (a camera this screen cannot show) are counted, not kept. Used on the renderer's thread only.
/// </summary>
public sealed class FrameStore
{
    /// <summary>Frames kept per channel: ten seconds at the demo's rate, a couple at a camera's 25 a second.</summary>
    public const int KeptPerChannel = 50;

    private readonly Dictionary<string, SortedList<long, HeldFrame>> channels = new(StringComparer.Ordinal);

    public int Received { get; private set; }

    public int Undecodable { get; private set; }

    /// <summary>Channels in the order they first sent a frame the screen can show.</summary>
    public IReadOnlyList<string> Channels => [.. channels.Keys];

    /// <summary>Keeps the frame if it is a picture this screen can show; an old frame arriving late never replaces a newer one as the latest.</summary>
    public void Add(string channel, long sequence, VideoFrame frame)
    {
        ArgumentNullException.ThrowIfNull(frame);
        Received++;
        if (!IsJpeg(frame.Data))
        {
            Undecodable++;
            return;
        }

        if (!channels.TryGetValue(channel, out var held))
        {
            held = [];
            channels[channel] = held;
        }

        held[sequence] = new HeldFrame(channel, sequence, frame.Width, frame.Height, "data:image/jpeg;base64," + Convert.ToBase64String(frame.Data));
        while (held.Count > KeptPerChannel)
        {
            held.RemoveAt(0);
        }
    }

    public HeldFrame? Latest(string channel) => channels.TryGetValue(channel, out var held) && held.Count > 0 ? held.Values[^1] : null;

    public HeldFrame? Find(string channel, long sequence) =>
        channels.TryGetValue(channel, out var held) ? held.GetValueOrDefault(sequence) : null;

    public void Clear()
    {
        channels.Clear();
        Received = 0;
        Undecodable = 0;
    }

    /// <summary>A JPEG starts with SOI (FF D8) and ends with EOI (FF D9); anything else is not shown as an image.</summary>
    public static bool IsJpeg(byte[] data) =>
        data.Length > 4 && data[0] == 0xFF && data[1] == 0xD8 && data[^2] == 0xFF && data[^1] == 0xD9;
}
