using System.Globalization;
using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.St;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Live;

/// <summary>The alerts of <see cref="EcgMonitor"/> with the evidence a clinician checks them against.</summary>
internal static class EcgAlerts
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static NewAlert Stemi(
        StemiAssessment assessment, StMeasurement measurement, int windows, double windowSeconds, DateTimeOffset observedAt)
    {
        // The leads that met the criteria are those in a satisfied contiguous pair; an elevated lead on its own is not.
        var paired = new List<string>();
        foreach (var pair in assessment.ContiguousPairs)
        {
            AddOnce(paired, pair.FirstLead);
            AddOnce(paired, pair.SecondLead);
        }

        var territory = Territory(assessment.Territories);
        var evidence = new List<AlertEvidence>
        {
            new("territory", null, null, assessment.Territories.ToString()),
        };
        foreach (var lead in assessment.ElevatedLeads)
        {
            if (paired.Contains(lead.Lead))
            {
                evidence.Add(new AlertEvidence(lead.Lead, Math.Round(lead.JPointMillivolts, 3), "mV", string.Create(Invariant,
                    $"ST elevation {Mm(lead.JPointMillivolts)} mm at the J point ≥ {Mm(lead.ThresholdMillivolts)} mm ({Mm(lead.J60Millivolts)} mm at J+{measurement.StOffsetMs:0} ms)")));
            }
        }

        var pairs = new List<string>(assessment.ContiguousPairs.Count);
        foreach (var pair in assessment.ContiguousPairs)
        {
            pairs.Add(pair.FirstLead + "–" + pair.SecondLead);
        }

        evidence.Add(new AlertEvidence("contiguous leads", assessment.ContiguousPairs.Count, "pairs", string.Join(", ", pairs)));
        foreach (var lead in assessment.ReciprocalDepression)
        {
            evidence.Add(new AlertEvidence(lead.Lead, Math.Round(lead.JPointMillivolts, 3), "mV", string.Create(Invariant,
                $"reciprocal ST depression {Mm(lead.JPointMillivolts)} mm at the J point ≤ {Mm(lead.ThresholdMillivolts)} mm")));
        }

        evidence.Add(new AlertEvidence("V2–V3 threshold", assessment.V2V3ThresholdMillivolts, "mV", assessment.V2V3ThresholdAssumed
            ? string.Create(Invariant, $"sex or age not recorded: the threshold of men aged 40 or over ({Mm(assessment.V2V3ThresholdMillivolts)} mm) was used")
            : string.Create(Invariant, $"{assessment.Sex}, age {(assessment.AgeYears is { } age ? age.ToString(Invariant) : "unknown")}: {Mm(assessment.V2V3ThresholdMillivolts)} mm")));
        evidence.Add(new AlertEvidence("persistence", windows, "windows", string.Create(Invariant,
            $"met in {windows} consecutive {windowSeconds:0}-s windows (Fourth Universal Definition of MI criteria)")));
        if (measurement.HeartRateBpm is { } rate)
        {
            evidence.Add(new AlertEvidence("heart rate", Math.Round(rate), "/min", string.Create(Invariant, $"{rate:0}/min in the last window")));
        }

        var summary = string.Create(Invariant,
            $"STEMI criteria met: {territory} ST elevation in {string.Join(", ", paired)}, held {windows} consecutive {windowSeconds:0}-s windows");
        return new NewAlert(AlertKind.Stemi, EcgMonitor.Source, summary, evidence, observedAt);
    }

    public static NewAlert AtrialFibrillation(
        RhythmEpisode episode, IReadOnlyList<long> beats, int rateHz, TimeSpan holdFor, bool fromStart, DateTimeOffset onset, DateTimeOffset monitoringStart)
    {
        // RR intervals of the episode (its latest 120 at most, a minute or two of AF).
        var rr = new List<double>();
        for (var i = 1; i < beats.Count; i++)
        {
            if (beats[i - 1] >= episode.StartSample && beats[i] <= episode.EndSample)
            {
                rr.Add((beats[i] - beats[i - 1]) * 1000.0 / rateHz);
            }
        }

        if (rr.Count > 120)
        {
            rr.RemoveRange(0, rr.Count - 120);
        }

        var differences = new List<double>(rr.Count);
        for (var i = 1; i < rr.Count; i++)
        {
            differences.Add(Math.Abs(rr[i] - rr[i - 1]));
        }

        var sorted = rr.Order().ToArray();
        var medianRr = Median(sorted);
        var irregularity = differences.Count == 0 ? 0 : 1.4826 * Median([.. differences.Order()]) / medianRr;
        var mean = rr.Count == 0 ? 0 : rr.Average();
        var sd = rr.Count < 2 ? 0 : Math.Sqrt(rr.Sum(x => (x - mean) * (x - mean)) / (rr.Count - 1));
        var duration = episode.DurationSeconds(rateHz);
        var threshold = new RhythmOptions().AfIrregularityThreshold;

        var evidence = new List<AlertEvidence>
        {
            new("RR irregularity", Math.Round(irregularity, 3), null, string.Create(Invariant,
                $"robust RMSSD / median RR {irregularity:0.00} > {threshold:0.00} (Dash et al. 2009) over {rr.Count} intervals")),
            new("RR intervals", Math.Round(medianRr), "ms", string.Create(Invariant,
                $"median {medianRr:0} ms, range {(sorted.Length == 0 ? 0 : sorted[0]):0}–{(sorted.Length == 0 ? 0 : sorted[^1]):0} ms, coefficient of variation {(mean > 0 ? sd / mean : 0):0.00}")),
            new("ventricular rate", Math.Round(60_000 / medianRr), "/min", string.Create(Invariant, $"{60_000 / medianRr:0}/min (median RR)")),
            new("onset", null, null, fromStart
                ? string.Create(Invariant, $"present since monitoring began at {monitoringStart:HH:mm:ss} UTC: onset before monitoring, not observed")
                : string.Create(Invariant, $"onset at {onset:HH:mm:ss} UTC")),
            new("duration", Math.Round(duration), "s", string.Create(Invariant,
                $"held {duration:0} s ≥ {holdFor.TotalSeconds:0} s (ESC: an AF episode lasts at least 30 s)")),
        };
        var summary = fromStart
            ? string.Create(Invariant, $"Atrial fibrillation since monitoring began, ventricular rate {60_000 / medianRr:0}/min, held {duration:0} s")
            : string.Create(Invariant, $"Atrial fibrillation, new onset at {onset:HH:mm:ss} UTC, ventricular rate {60_000 / medianRr:0}/min, held {duration:0} s");
        return new NewAlert(AlertKind.AtrialFibrillation, EcgMonitor.Source, summary, evidence, onset);
    }

    private static string Territory(StemiTerritory territories)
    {
        var names = new List<string>(4);
        foreach (var (flag, name) in new[]
        {
            (StemiTerritory.Inferior, "inferior"), (StemiTerritory.Septal, "septal"),
            (StemiTerritory.Anterior, "anterior"), (StemiTerritory.Lateral, "lateral"),
        })
        {
            if (territories.HasFlag(flag))
            {
                names.Add(name);
            }
        }

        return string.Join("/", names);
    }

    private static string Mm(double millivolts) =>
        (millivolts / ClinicalUnits.MillivoltsPerMillimetre).ToString("0.0", Invariant);

    private static double Median(double[] sorted) =>
        sorted.Length == 0 ? 0 : (sorted.Length & 1) == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]);

    private static void AddOnce(List<string> list, string item)
    {
        if (!list.Contains(item))
        {
            list.Add(item);
        }
    }
}
