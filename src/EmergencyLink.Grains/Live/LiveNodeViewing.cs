using System.Collections.Frozen;

namespace EmergencyLink.Grains.Live;

/// <summary>
/// The cases another node has open at full rate, as it last said. Its announcements may overtake each other (each is
/// a separate call), so the one with the higher version wins.
/// </summary>
internal sealed record LiveNodeViewing(long Version, FrozenSet<string> Cases);
