using System.Globalization;
using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.St;
using EmergencyLink.Clinical.Wfdb;
using EmergencyLink.Domain.Alerts;

namespace EmergencyLink.Clinical.Analysis;

/// <summary>
/// Runs the library's detectors over a whole recording: fused QRS detection over the ECG leads, rhythm episodes, ST per
/// lead per window and its median per lead, the STEMI criteria, and the alerts a clinician should see (STEMI with its
/// leads and values, each AF episode). Brady- and tachycardia and pauses are reported as rhythm episodes only.
/// </summary>
public static class RecordAnalyzer
{
    /// <summary>
    /// Consecutive windows (3 × 10 s = 30 s) that must each meet the STEMI criteria to raise it when the whole-record
    /// median does not: one or two windows can be moved by artefact or a change of posture, half a minute of
    /// sustained elevation is a finding.
    /// </summary>
    public const int SustainedStemiWindows = 3;

    public static RecordAnalysis Analyze(WfdbRecord record, StAnalyzerOptions? stOptions = null, RhythmOptions? rhythmOptions = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        var rate = record.SamplingRate;
        var patient = PatientDetails.FromHeaderComments(record.Comments);

        var (qrsNames, qrsLeads, standard) = EcgLeads(record);
        var beats = qrsLeads.Count == 1
            ? QrsDetector.Detect(qrsLeads[0], rate)
            : MultiLeadQrsDetector.Detect(qrsLeads, rate);
        var length = qrsLeads[0].Length;
        double? heartRate = beats.Length >= 2 ? 60.0 * (beats.Length - 1) * rate / (beats[^1] - beats[0]) : null;
        var rhythm = RhythmAnalyzer.Analyze(beats, rate, length, rhythmOptions);

        var windows = new List<StMeasurement>();
        var summary = new List<LeadStSummary>();
        string? stNote = null;
        var stLeads = standard.Count > 0 ? standard : qrsNames.Zip(qrsLeads).ToList();
        var options = stOptions ?? StAnalyzerOptions.Default;
        if (!(rate >= StAnalyzer.MinimumSamplingRateHz && rate <= StAnalyzer.MaximumSamplingRateHz))
        {
            stNote = string.Create(CultureInfo.InvariantCulture,
                $"ST not measured: it needs {StAnalyzer.MinimumSamplingRateHz:0}-{StAnalyzer.MaximumSamplingRateHz:0} Hz and this record has {rate:0.###} Hz.");
        }
        else if (length < options.WindowSeconds * rate)
        {
            stNote = string.Create(CultureInfo.InvariantCulture,
                $"ST not measured: the record ({length / rate:0.#} s) is shorter than one {options.WindowSeconds:0.#}-s window.");
        }
        else
        {
            var analyzer = new StAnalyzer([.. stLeads.Select(l => l.First)], rate, options);
            var peaks = beats.Where(b => b <= int.MaxValue).Select(b => (int)b).ToArray();
            windows.AddRange(analyzer.Measure([.. stLeads.Select(l => l.Second)], peaks));
            summary.AddRange(Summarise(windows, analyzer.LeadNames));
            if (summary.Count == 0)
            {
                stNote = $"ST not reported: none of the {windows.Count} windows was reliable ({string.Join(", ", windows.Select(w => w.Quality).Distinct())}).";
            }
        }

        var missing = StandardLeads.All.Where(n => !standard.Any(s => s.First == n)).ToList();
        StemiAssessment? stemi = null;
        string? stemiNote;
        var windowsMet = 0;
        var windowsAssessed = 0;
        long stemiStart = 0;
        long stemiEnd = length;
        if (missing.Count > 0)
        {
            stemiNote = standard.Count == 0
                ? "STEMI criteria not assessed: the record has none of the 12 standard leads."
                : $"STEMI criteria not assessed: the 12 standard leads are needed and {string.Join(", ", missing)} {(missing.Count == 1 ? "is" : "are")} missing.";
        }
        else if (summary.Count == 0)
        {
            stemiNote = "STEMI criteria not assessed: " + (stNote ?? "no ST measurement.");
        }
        else
        {
            var met = new bool[windows.Count];
            for (var w = 0; w < windows.Count; w++)
            {
                var assessment = StemiCriteria.Assess(windows[w], patient.Sex, patient.AgeYears);
                windowsAssessed += assessment.Assessed ? 1 : 0;
                windowsMet += assessment.Met ? 1 : 0;
                met[w] = assessment.Met;
            }

            stemi = StemiCriteria.Assess(Representative(summary, windows, rate, options), patient.Sex, patient.AgeYears);
            stemiNote = stemi switch
            {
                { NoJPoint: true } => "STEMI criteria not assessed: no window had a clear end of QRS, so there is no J point to measure at.",
                { JPointNoisy: true } => "STEMI criteria not assessed: more than a quarter of the leads are too noisy at the J point.",
                _ => null,
            };
            if (!stemi.Met && FirstRun(met, SustainedStemiWindows) is { } run)
            {
                // ST elevation that develops during a long recording is outvoted by the earlier windows in the
                // whole-record median, so a sustained run of windows that meet the criteria raises it on its own.
                var runWindows = windows.Skip(run.Start).Take(run.Count).ToList();
                var runSummary = Summarise(runWindows, [.. summary.Select(l => l.Lead)]);
                var runStemi = StemiCriteria.Assess(Representative(runSummary, runWindows, rate, options), patient.Sex, patient.AgeYears);
                if (runStemi.Met)
                {
                    stemi = runStemi;
                    stemiStart = runWindows[0].WindowStartSample;
                    stemiEnd = runWindows[^1].WindowEndSample;
                    stemiNote = string.Create(CultureInfo.InvariantCulture,
                        $"STEMI criteria met in {run.Count} consecutive windows from {stemiStart / rate:0} s to {stemiEnd / rate:0} s (values are their medians), not over the whole record.");
                }
            }

            if (stemi.V2V3ThresholdAssumed)
            {
                stemiNote = (stemiNote is null ? "" : stemiNote + " ") + string.Create(CultureInfo.InvariantCulture,
                    $"Patient {(patient.Sex == PatientSex.Unknown ? "sex" : "age")} unknown: the V2-V3 threshold of men aged 40 or over ({stemi.V2V3ThresholdMillivolts:0.00} mV) was used.");
            }
        }

        var alerts = new List<EcgAlert>();
        if (stemi is { Met: true })
        {
            alerts.Add(StemiAlert(stemi, windowsMet, windowsAssessed, stemiStart, stemiEnd));
        }

        foreach (var episode in rhythm.Where(e => e.Rhythm == RhythmKind.AtrialFibrillation))
        {
            alerts.Add(AfAlert(episode, beats, rate));
        }

        return new RecordAnalysis(record.Name, rate, length, patient, qrsNames, beats, heartRate, rhythm, windows, summary,
            stNote, stemi, windowsMet, windowsAssessed, stemiNote, alerts);
    }

    /// <summary>
    /// The ECG signals in millivolts. QRS detection uses the standard leads when there are any (so PTB's Frank leads and
    /// non-ECG channels stay out), otherwise every signal in voltage units.
    /// </summary>
    private static (List<string> Names, List<float[]> Leads, List<(string First, float[] Second)> Standard) EcgLeads(WfdbRecord record)
    {
        var voltage = new List<(string Name, float[] Samples)>();
        foreach (var signal in record.Signals)
        {
            if (signal.Spec.SamplesPerFrame != 1)
            {
                continue;
            }

            float[] millivolts;
            try
            {
                millivolts = signal.ToMillivolts();
            }
            catch (InvalidOperationException)
            {
                // Not a voltage (blood pressure, respiration, pleth): not ECG.
                continue;
            }

            // Unnamed or same-named signals get their position, so every lead keeps a name of its own in the output.
            var name = string.IsNullOrWhiteSpace(signal.Name) ? $"signal {voltage.Count + 1}" : signal.Name.Trim();
            if (voltage.Any(v => string.Equals(v.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                name = $"{name} ({voltage.Count + 1})";
            }

            voltage.Add((name, HoldInvalid(millivolts)));
        }

        if (voltage.Count == 0)
        {
            throw new ArgumentException($"Record {record.Name} has no ECG signal in voltage units.");
        }

        var length = voltage.Min(v => v.Samples.Length);
        if (length == 0)
        {
            throw new ArgumentException($"Record {record.Name} has no samples.");
        }

        var standard = new List<(string, float[])>();
        foreach (var (name, samples) in voltage)
        {
            if (StandardLeads.TryParse(name, out var lead) && !standard.Any(s => s.Item1 == StandardLeads.Name(lead)))
            {
                standard.Add((StandardLeads.Name(lead), Trim(samples, length)));
            }
        }

        var qrs = standard.Count > 0 ? standard : [.. voltage.Select(v => (v.Name, Trim(v.Samples, length)))];
        return ([.. qrs.Select(q => q.Item1)], [.. qrs.Select(q => q.Item2)], standard);
    }

    private static float[] Trim(float[] samples, int length) => samples.Length == length ? samples : samples[..length];

    /// <summary>Invalid samples (NaN) hold the last valid value, so the ST medians and baselines stay finite.</summary>
    private static float[] HoldInvalid(float[] samples)
    {
        var last = 0f;
        for (var i = 0; i < samples.Length; i++)
        {
            if (float.IsFinite(samples[i]))
            {
                last = samples[i];
            }
            else
            {
                samples[i] = last;
            }
        }

        return samples;
    }

    private static List<LeadStSummary> Summarise(IReadOnlyList<StMeasurement> windows, IReadOnlyList<string> leadNames)
    {
        var reliable = windows.Where(w => w.IsReliable && w.Leads.Count > 0).ToList();
        var result = new List<LeadStSummary>();
        if (reliable.Count == 0)
        {
            return result;
        }

        foreach (var name in leadNames)
        {
            var leads = reliable.Select(w => w.Lead(name)).OfType<LeadSt>().ToList();
            var j = leads.Where(l => l.JPointMillivolts.HasValue).Select(l => l.JPointMillivolts!.Value).ToList();
            result.Add(new LeadStSummary(
                name,
                Median([.. leads.Select(l => l.StMillivolts)]),
                j.Count > 0 ? Median(j) : null,
                leads.Count,
                j.Count,
                leads.Count(l => l.IsNoisy) * 2 > leads.Count,
                leads.Count(l => l.IsJPointNoisy) * 2 > leads.Count));
        }

        return result;
    }

    /// <summary>
    /// A measurement made of the per-lead medians over the reliable windows, for the record-level STEMI assessment: one
    /// noisy or mis-measured window does not raise or hide an alert, as it could if any single window decided.
    /// </summary>
    private static StMeasurement Representative(
        IReadOnlyList<LeadStSummary> summary, IReadOnlyList<StMeasurement> windows, double rate, StAnalyzerOptions options)
    {
        var reliable = windows.Where(w => w.IsReliable).ToList();
        var leads = summary
            .Select(s => new LeadSt(s.Lead, s.J60Millivolts, s.JPointMillivolts,
                Median([.. reliable.Select(w => w.Lead(s.Lead)?.NoiseMillivolts ?? 0)]), s.IsNoisy,
                Median([.. reliable.Select(w => w.Lead(s.Lead)?.JPointNoiseMillivolts ?? double.NaN).Where(double.IsFinite)]),
                s.IsJPointNoisy))
            .ToList();
        var heartRates = reliable.Where(w => w.HeartRateBpm.HasValue).Select(w => w.HeartRateBpm!.Value).ToList();
        return new StMeasurement(
            reliable[0].WindowStartSample,
            reliable[^1].WindowEndSample,
            rate,
            leads,
            reliable.Sum(w => w.BeatsInWindow),
            reliable.Sum(w => w.BeatsUsed),
            heartRates.Count > 0 ? Median(heartRates) : null,
            Median([.. reliable.Select(w => w.QrsOnsetMs ?? double.NaN).Where(double.IsFinite)]),
            Median([.. reliable.Select(w => w.JPointMs ?? double.NaN).Where(double.IsFinite)]),
            options.StOffsetMilliseconds,
            StQuality.Good,
            null);
    }

    private static EcgAlert StemiAlert(StemiAssessment stemi, int windowsMet, int windowsAssessed, long start, long end)
    {
        var evidence = new List<AlertEvidence>();
        foreach (var lead in stemi.ElevatedLeads)
        {
            evidence.Add(new AlertEvidence(lead.Lead, Round(lead.JPointMillivolts), "mV", string.Create(CultureInfo.InvariantCulture,
                $"ST elevation {lead.JPointMillivolts:0.00} mV at the J point (J+60 ms: {lead.J60Millivolts:0.00} mV), threshold {lead.ThresholdMillivolts:0.00} mV")));
        }

        foreach (var pair in stemi.ContiguousPairs)
        {
            evidence.Add(new AlertEvidence($"{pair.FirstLead}+{pair.SecondLead}", null, null,
                $"contiguous pair at or above threshold ({pair.Territories})"));
        }

        foreach (var lead in stemi.ReciprocalDepression)
        {
            evidence.Add(new AlertEvidence(lead.Lead, Round(lead.JPointMillivolts), "mV", string.Create(CultureInfo.InvariantCulture,
                $"reciprocal ST depression {lead.JPointMillivolts:0.00} mV at the J point (J+60 ms: {lead.J60Millivolts:0.00} mV)")));
        }

        var patient = stemi.Sex == PatientSex.Unknown ? "sex unknown" : stemi.Sex.ToString().ToLowerInvariant();
        var age = stemi.AgeYears is { } years ? years.ToString(CultureInfo.InvariantCulture) : "age unknown";
        evidence.Add(new AlertEvidence("V2-V3 threshold", Round(stemi.V2V3ThresholdMillivolts), "mV", stemi.V2V3ThresholdAssumed
            ? $"patient {patient}, {age}: the threshold of men aged 40 or over was used"
            : $"threshold for this patient ({patient}, {age})"));
        evidence.Add(new AlertEvidence("windows", windowsMet, null,
            $"{windowsMet} of {windowsAssessed} reliable 10-s windows met the criteria on their own; the values are per-lead medians"));

        var leads = string.Join(", ", stemi.ElevatedLeads.Where(e => stemi.ContiguousPairs.Any(p => p.FirstLead == e.Lead || p.SecondLead == e.Lead)).Select(e => e.Lead));
        var message = $"ST elevation meets the STEMI criteria ({stemi.Territories}) in {leads}, measured at the J point; a suggestion for a clinician to read the ECG";
        return new EcgAlert(AlertKind.Stemi, message, evidence, start, end);
    }

    private static EcgAlert AfAlert(RhythmEpisode episode, IReadOnlyList<long> beats, double rate)
    {
        var rateInEpisode = HeartRate.MedianBpm(beats, rate, episode.StartSample, episode.EndSample);
        var evidence = new List<AlertEvidence>
        {
            new("episode", Round(episode.DurationSeconds(rate)), "s", string.Create(CultureInfo.InvariantCulture,
                $"irregularly irregular RR intervals from {episode.StartSample / rate:0.0} s to {episode.EndSample / rate:0.0} s")),
        };
        if (rateInEpisode is { } bpm)
        {
            evidence.Add(new AlertEvidence("heart rate", Math.Round(bpm), "bpm", "median over the episode"));
        }

        var message = string.Create(CultureInfo.InvariantCulture,
            $"Atrial fibrillation suspected from {episode.StartSample / rate:0.0} s to {episode.EndSample / rate:0.0} s ({episode.DurationSeconds(rate):0} s)");
        return new EcgAlert(AlertKind.AtrialFibrillation, message, evidence, episode.StartSample, episode.EndSample);
    }

    private static double Round(double value) => Math.Round(value, 3);

    /// <summary>The first run of at least <paramref name="minimum"/> true values, extended to its whole length.</summary>
    private static (int Start, int Count)? FirstRun(bool[] values, int minimum)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!values[i])
            {
                continue;
            }

            var end = i;
            while (end + 1 < values.Length && values[end + 1])
            {
                end++;
            }

            if (end - i + 1 >= minimum)
            {
                return (i, end - i + 1);
            }

            i = end;
        }

        return null;
    }

    private static double Median(List<double> values)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }

        values.Sort();
        var half = values.Count / 2;
        return values.Count % 2 == 1 ? values[half] : (values[half - 1] + values[half]) / 2;
    }
}
