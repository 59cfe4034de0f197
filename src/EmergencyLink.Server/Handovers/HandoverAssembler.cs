using EmergencyLink.Contracts;
using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Telemetry;
using EmergencyLink.Handover;
using EmergencyLink.Server.Api;
using Microsoft.Extensions.Options;

namespace EmergencyLink.Server.Handovers;

/// <summary>
/// Gathers what the handover document is made of: the committed case from its grain, the destination's name, the
/// monitor's vitals and a representative 10 s of 12-lead ECG from the telemetry archive. The grain stays out of it:
/// reading a transport's thousands of archived frames is the host's work, not a turn of the case.
/// </summary>
public sealed class HandoverAssembler(IGrainFactory grains, ITelemetryArchive archive, TimeProvider time, IOptions<AgencyOptions> agency)
{
    /// <summary>A 40-minute transport at 1 Hz is 2,400 readings; the cap keeps a case left open for days bounded.</summary>
    public const int MaxVitals = 20_000;

    public static readonly TimeSpan StripLength = TimeSpan.FromSeconds(10);

    public async Task<HandoverCase> AssembleAsync(IncidentSnapshot incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var settings = agency.Value;
        HandoverOrganization? destination = null;
        if (incident.HospitalId is { } hospitalId)
        {
            var hospital = await grains.GetGrain<IHospitalGrain>(hospitalId).GetAsync();
            destination = new HandoverOrganization(hospitalId, hospital?.Name ?? hospitalId);
        }

        var now = time.GetUtcNow();
        var vitals = await ReadVitalsAsync(incident, now);
        var ecg = await ReadStripAsync(incident);
        return new HandoverCase(
            incident.Id,
            incident.State,
            incident.Priority,
            incident.Complaint,
            incident.Address ?? "",
            incident.Location,
            incident.CreatedAt,
            incident.Disposition,
            incident.Timeline,
            incident.Documentation,
            incident.Alerts,
            new HandoverOrganization(settings.Id, settings.Name),
            incident.AmbulanceId ?? "",
            destination,
            vitals,
            ecg,
            Version(incident),
            now);
    }

    /// <summary>
    /// Every committed change of the case (a step, an entry, an alert, an acknowledgement) is a timeline entry, so the
    /// timeline's length numbers the document's versions; vitals alone do not make a new version.
    /// </summary>
    public static int Version(IncidentSnapshot incident) => incident.Timeline.Count;

    private async Task<IReadOnlyList<VitalsReading>> ReadVitalsAsync(IncidentSnapshot incident, DateTimeOffset now)
    {
        var frames = await archive.ReadAsync(incident.Id, VehicleLinkProtocol.VitalsChannel, Micros(incident.CreatedAt), Micros(now), MaxVitals);
        var readings = new List<VitalsReading>(frames.Count);
        foreach (var frame in frames)
        {
            if (TelemetryCodec.TryDecodeVitals(frame.Payload, out var vitals, out _))
            {
                readings.Add(new VitalsReading(At(frame.CapturedAtMicros), vitals));
            }
        }

        readings.Sort((a, b) => a.At.CompareTo(b.At));
        return readings;
    }

    /// <summary>
    /// The 10 s the receiving team most needs to see: those that raised the STEMI alert, else the AF alert, else the
    /// latest. Within them the longest stretch without a hole.
    /// </summary>
    private async Task<EcgStrip?> ReadStripAsync(IncidentSnapshot incident)
    {
        var alert = incident.Alerts.FirstOrDefault(a => a.Kind == AlertKind.Stemi)
                    ?? incident.Alerts.FirstOrDefault(a => a.Kind == AlertKind.AtrialFibrillation);
        long end;
        if (alert is not null)
        {
            end = Micros(alert.ObservedAt);
        }
        else if (await archive.LatestCaptureAsync(incident.Id) is { } latest)
        {
            end = latest;
        }
        else
        {
            return null;
        }

        var begin = end - (long)(StripLength.Ticks / 10);
        var frames = await archive.ReadAsync(incident.Id, VehicleLinkProtocol.EcgChannel, begin, end, 10_000);
        var answer = EcgSegments.Join(incident.Id, At(begin), At(end), frames);
        var longest = answer.Segments.MaxBy(s => s.Samples.Count == 0 ? 0 : s.Samples[0].Length);
        if (longest is null || longest.Samples.Count == 0 || longest.Samples[0].Length == 0)
        {
            return null;
        }

        var millivoltsPerUnit = answer.MicrovoltsPerUnit / 1000.0;
        var leads = longest.Samples.Select(lead => lead.Select(v => v * millivoltsPerUnit).ToArray()).ToArray();
        var reason = alert is null ? "the latest 10 s" : $"the 10 s behind alert {alert.Id} ({alert.Kind}): {alert.Summary}";
        return new EcgStrip(longest.CapturedAt, answer.SampleRateHz, answer.Leads, leads, reason);
    }

    private static long Micros(DateTimeOffset t) => (t - DateTimeOffset.UnixEpoch).Ticks / 10;

    private static DateTimeOffset At(long micros) => DateTimeOffset.UnixEpoch.AddTicks(micros * 10);
}
