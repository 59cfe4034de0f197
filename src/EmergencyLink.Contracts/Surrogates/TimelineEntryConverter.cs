using EmergencyLink.Domain.Cases;

namespace EmergencyLink.Contracts.Surrogates;

[RegisterConverter]
public sealed class TimelineEntryConverter : IConverter<TimelineEntry, TimelineEntrySurrogate>
{
    public TimelineEntry ConvertFromSurrogate(in TimelineEntrySurrogate s) =>
        new(s.Sequence, s.At, s.Actor, s.Trigger, s.From, s.To, s.Detail, s.Event);

    public TimelineEntrySurrogate ConvertToSurrogate(in TimelineEntry v) => new()
    {
        Sequence = v.Sequence, At = v.At, Actor = v.Actor, Trigger = v.Trigger, From = v.From, To = v.To, Detail = v.Detail,
        Event = v.Event,
    };
}
