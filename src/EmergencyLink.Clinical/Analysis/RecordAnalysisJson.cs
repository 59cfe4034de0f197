using System.Text;
using System.Text.Json;
using EmergencyLink.Clinical.Ecg;

namespace EmergencyLink.Clinical.Analysis;

/// <summary>
/// The analysis as one JSON object (the shape <c>ecg analyze --json</c> prints): <c>samplingRate</c>, <c>beats</c> (R-peak
/// sample numbers), <c>heartRate</c> (bpm, mean over the record), <c>rhythmEpisodes</c>, <c>stMillivolts</c> (per lead,
/// ST at J+60 ms, median over the reliable windows), <c>stJPointMillivolts</c>, <c>stemi</c>, <c>alerts</c> and the
/// per-window ST. Numbers that do not exist are null, never NaN.
/// </summary>
public static class RecordAnalysisJson
{
    public static string Write(RecordAnalysis analysis, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            Write(json, analysis);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Write(Utf8JsonWriter json, RecordAnalysis a)
    {
        json.WriteStartObject();
        json.WriteString("record", a.RecordName);
        json.WriteNumber("samplingRate", a.SamplingRate);
        json.WriteNumber("sampleCount", a.SampleCount);
        json.WriteNumber("durationSeconds", Math.Round(a.DurationSeconds, 3));
        json.WriteStartObject("patient");
        json.WriteString("sex", a.Patient.Sex.ToString());
        Number(json, "age", a.Patient.AgeYears);
        json.WriteEndObject();

        Strings(json, "qrsLeads", a.QrsLeads);
        json.WriteStartArray("beats");
        foreach (var beat in a.Beats)
        {
            json.WriteNumberValue(beat);
        }

        json.WriteEndArray();
        Number(json, "heartRate", a.HeartRateBpm, 1);

        json.WriteStartArray("rhythmEpisodes");
        foreach (var episode in a.RhythmEpisodes)
        {
            json.WriteStartObject();
            json.WriteString("rhythm", episode.Rhythm.Code());
            json.WriteNumber("startSample", episode.StartSample);
            json.WriteNumber("endSample", episode.EndSample);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("stMillivolts");
        foreach (var lead in a.St)
        {
            Number(json, lead.Lead, lead.J60Millivolts, 4);
        }

        json.WriteEndObject();
        json.WriteStartObject("stJPointMillivolts");
        foreach (var lead in a.St)
        {
            Number(json, lead.Lead, lead.JPointMillivolts, 4);
        }

        json.WriteEndObject();
        Text(json, "stNote", a.StNote);

        json.WriteStartObject("stemi");
        json.WriteBoolean("assessed", a.Stemi?.Assessed == true);
        json.WriteBoolean("met", a.Stemi?.Met == true);
        json.WriteString("territories", a.Stemi?.Territories.ToString() ?? "None");
        Number(json, "v2v3ThresholdMillivolts", a.Stemi?.V2V3ThresholdMillivolts, 3);
        json.WriteBoolean("v2v3ThresholdAssumed", a.Stemi?.V2V3ThresholdAssumed == true);
        json.WriteNumber("windowsMet", a.StemiWindowsMet);
        json.WriteNumber("windowsAssessed", a.StemiWindowsAssessed);
        Text(json, "note", a.StemiNote);
        json.WriteEndObject();

        json.WriteStartArray("alerts");
        foreach (var alert in a.Alerts)
        {
            json.WriteStartObject();
            json.WriteString("kind", alert.Kind.ToString());
            json.WriteString("message", alert.Message);
            json.WriteNumber("startSample", alert.StartSample);
            json.WriteNumber("endSample", alert.EndSample);
            json.WriteStartArray("evidence");
            foreach (var item in alert.Evidence)
            {
                json.WriteStartObject();
                json.WriteString("item", item.Item);
                Number(json, "value", item.Value, 4);
                Text(json, "unit", item.Unit);
                json.WriteString("finding", item.Finding);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("stWindows");
        foreach (var window in a.StWindows)
        {
            json.WriteStartObject();
            json.WriteNumber("startSample", window.WindowStartSample);
            json.WriteNumber("endSample", window.WindowEndSample);
            json.WriteString("quality", window.Quality.ToString());
            Number(json, "heartRate", window.HeartRateBpm, 1);
            json.WriteNumber("beatsUsed", window.BeatsUsed);
            json.WriteStartObject("leads");
            foreach (var lead in window.Leads)
            {
                json.WriteStartObject(lead.Lead);
                Number(json, "j60", lead.StMillivolts, 4);
                Number(json, "j", lead.JPointMillivolts, 4);
                json.WriteBoolean("noisy", lead.IsNoisy);
                json.WriteBoolean("noisyAtJ", lead.IsJPointNoisy);
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Number(Utf8JsonWriter json, string name, double? value, int decimals)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, Math.Round(v, decimals));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Number(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void Text(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    private static void Strings(Utf8JsonWriter json, string name, IEnumerable<string> values)
    {
        json.WriteStartArray(name);
        foreach (var value in values)
        {
            json.WriteStringValue(value);
        }

        json.WriteEndArray();
    }
}
