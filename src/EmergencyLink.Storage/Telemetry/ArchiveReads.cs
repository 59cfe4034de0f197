using System.Data.Common;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Storage.Telemetry;

/// <summary>What both archives make of their rows when a vehicle's link grain activates, whatever the SQL dialect.</summary>
internal static class ArchiveReads
{
    /// <summary>Rows of (channel, sequence), ordered by channel and sequence: the sequences held per channel.</summary>
    public static async Task<Dictionary<string, SequenceSet>> HeldAsync(DbDataReader rows)
    {
        var held = new Dictionary<string, SequenceSet>(StringComparer.Ordinal);
        while (await rows.ReadAsync())
        {
            var channel = rows.GetString(0);
            if (!held.TryGetValue(channel, out var set))
            {
                held[channel] = set = new SequenceSet();
            }

            set.Add(rows.GetInt64(1));
        }

        return held;
    }

    /// <summary>Rows of (channel, resends counted).</summary>
    public static async Task<Dictionary<string, long>> DuplicatesAsync(DbDataReader rows)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await rows.ReadAsync())
        {
            counts[rows.GetString(0)] = rows.GetInt64(1);
        }

        return counts;
    }

    public static IReadOnlyList<StoredChannel> Channels(Dictionary<string, SequenceSet> held, Dictionary<string, long> duplicates) =>
        held.Select(h => new StoredChannel(
            h.Key, h.Value.Ranges.Select(r => new SequenceRange(r.From, r.To)).ToArray(), duplicates.GetValueOrDefault(h.Key))).ToArray();
}
