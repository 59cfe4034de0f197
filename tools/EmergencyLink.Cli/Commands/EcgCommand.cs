using System.Globalization;
using EmergencyLink.Clinical.Analysis;
using EmergencyLink.Clinical.Ecg;
using EmergencyLink.Clinical.Wfdb;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>ecg analyze RECORD [--json]</c>: runs the clinical library's whole-record analysis (QRS, heart rate, rhythm, ST per
/// lead, STEMI criteria, alerts) on a WFDB record given by its path without extension, and prints it as text or as one
/// JSON object. A record that cannot be read is an error on stderr with exit code 2.
/// </summary>
public static class EcgCommand
{
    public const string Usage = "ecg analyze RECORD (path without extension, e.g. data/mitdb/100) [--json]";

    private const int BeatsShown = 10;

    public static int Run(string[] args)
    {
        if (args.Length < 2 || args[0] != "analyze")
        {
            throw new ArgumentException("Usage: " + Usage);
        }

        var path = args[1];
        var json = false;
        foreach (var option in args[2..])
        {
            json = option == "--json"
                ? true
                : throw new ArgumentException($"Unknown option '{option}'. Usage: {Usage}");
        }

        RecordAnalysis analysis;
        try
        {
            analysis = RecordAnalyzer.Analyze(WfdbReader.Read(path));
        }
        catch (WfdbFormatException e)
        {
            throw new ArgumentException($"Cannot read record '{path}': {e.Message}", e);
        }

        if (json)
        {
            Console.WriteLine(RecordAnalysisJson.Write(analysis));
        }
        else
        {
            Print(analysis);
        }

        return 0;
    }

    private static void Print(RecordAnalysis a)
    {
        var text = CultureInfo.InvariantCulture;
        Console.WriteLine(string.Create(text, $"{a.RecordName}: {a.SamplingRate:0.###} Hz, {a.DurationSeconds:0.0} s, patient {Patient(a.Patient)}"));
        var first = string.Join(", ", a.Beats.Take(BeatsShown).Select(b => b.ToString(text)));
        Console.WriteLine(a.Beats.Count == 0
            ? $"beats: none found over {string.Join("+", a.QrsLeads)}"
            : $"beats: {a.Beats.Count} over {string.Join("+", a.QrsLeads)} (first samples: {first}{(a.Beats.Count > BeatsShown ? ", ..." : "")})");
        Console.WriteLine(a.HeartRateBpm is { } hr ? string.Create(text, $"heart rate: {hr:0.0} bpm (mean)") : "heart rate: not enough beats");
        Console.WriteLine(a.RhythmEpisodes.Count == 0 ? "rhythm episodes: none" : "rhythm episodes:");
        foreach (var e in a.RhythmEpisodes)
        {
            Console.WriteLine(string.Create(text,
                $"  {e.Rhythm.Code(),-6} {e.StartSample / a.SamplingRate,8:0.0} s - {e.EndSample / a.SamplingRate,8:0.0} s  (samples {e.StartSample}-{e.EndSample})"));
        }

        if (a.St.Count > 0)
        {
            Console.WriteLine($"ST per lead (mV vs PR baseline, median of {a.St.Max(s => s.Windows)} reliable 10-s window(s)):");
            Console.WriteLine("  lead      J   J+60");
            foreach (var lead in a.St)
            {
                var noisy = lead.IsNoisy ? "  noisy" : lead.IsJPointNoisy ? "  noisy at J" : "";
                Console.WriteLine($"  {lead.Lead,-4} {Millivolts(lead.JPointMillivolts),6} {Millivolts(lead.J60Millivolts),6}{noisy}");
            }
        }

        if (a.StNote is { } stNote)
        {
            Console.WriteLine(stNote);
        }

        if (a.Stemi is { Assessed: true } stemi)
        {
            Console.WriteLine(string.Create(text,
                $"STEMI criteria (at the J point): {(stemi.Met ? "met, " + stemi.Territories : "not met")}; {a.StemiWindowsMet} of {a.StemiWindowsAssessed} window(s) met them alone"));
        }

        if (a.StemiNote is { } stemiNote)
        {
            Console.WriteLine(stemiNote);
        }

        Console.WriteLine(a.Alerts.Count == 0 ? "alerts: none" : "alerts:");
        foreach (var alert in a.Alerts)
        {
            Console.WriteLine($"  {alert.Kind}: {alert.Message}");
            foreach (var item in alert.Evidence)
            {
                var value = item.Value is { } v ? string.Create(CultureInfo.InvariantCulture, $" = {v:0.###}{(item.Unit is null ? "" : " " + item.Unit)}") : "";
                Console.WriteLine($"    {item.Item}{value}: {item.Finding}");
            }
        }
    }

    private static string Millivolts(double? value) =>
        value is { } v ? Math.Round(v, 2).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a";

    private static string Patient(PatientDetails patient) =>
        (patient.Sex, patient.AgeYears) switch
        {
            (var sex, { } age) => $"{sex.ToString().ToLowerInvariant()}, {age} y",
            (var sex, null) => $"{sex.ToString().ToLowerInvariant()}, age unknown",
        };
}
