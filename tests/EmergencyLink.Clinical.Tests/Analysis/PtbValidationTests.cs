using System.Globalization;
using EmergencyLink.Clinical.Analysis;
using EmergencyLink.Clinical.St;
using EmergencyLink.Clinical.Tests.Ecg;
using EmergencyLink.Domain.Alerts;
using Xunit.Abstractions;

namespace EmergencyLink.Clinical.Tests.Analysis;

/// <summary>
/// PTB s0010_re (81-year-old woman, acute inferolateral infarction about two days before the ECG, after lysis): the
/// analysis must read her sex and age, measure every standard lead at the J point and J+60 ms, and apply the STEMI
/// criteria; whether they are met is reported (docs/clinical-validation.md), not asserted, since two days after lysis
/// the ST elevation may have resolved.
/// </summary>
public sealed class PtbValidationTests(ITestOutputHelper output)
{
    [SkippableFact]
    public void S0010_re_is_measured_in_all_12_leads_at_the_j_point_and_j_plus_60_and_assessed_for_stemi()
    {
        var record = EcgData.Record("ptbdb/s0010_re");

        var analysis = RecordAnalyzer.Analyze(record);

        output.WriteLine($"windows: {analysis.StWindows.Count}, reliable: {analysis.StWindows.Count(w => w.IsReliable)}, heart rate {analysis.HeartRateBpm:0.0} bpm");
        output.WriteLine("| lead | ST at J (mV) | ST at J+60 ms (mV) | threshold (mV) | noisy |");
        output.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var lead in analysis.St)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {lead.Lead} | {Mv(lead.JPointMillivolts)} | {Mv(lead.J60Millivolts)} | {StemiCriteria.ThresholdMillivolts(lead.Lead, analysis.Patient.Sex, analysis.Patient.AgeYears):0.00} | {(lead.IsNoisy ? "yes" : "no")} |"));
        }

        var stemi = analysis.Stemi;
        output.WriteLine($"STEMI met: {stemi?.Met}, territories {stemi?.Territories}, windows met {analysis.StemiWindowsMet} of {analysis.StemiWindowsAssessed}");
        output.WriteLine("elevated leads at J: " + string.Join(", ", stemi?.ElevatedLeads.Select(e => e.Lead) ?? []));

        Assert.Equal(new PatientDetails(PatientSex.Female, 81), analysis.Patient);
        Assert.Equal(StandardLeads.All, analysis.St.Select(s => s.Lead));
        Assert.All(analysis.St, s => Assert.NotNull(s.JPointMillivolts));
        Assert.NotNull(stemi);
        Assert.True(stemi.Assessed);
        Assert.False(stemi.NoJPoint);
        Assert.Equal(stemi.Met, analysis.Alerts.Any(a => a.Kind == AlertKind.Stemi));
    }

    private static string Mv(double? value) =>
        value is { } v ? Math.Round(v, 2).ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "n/a";
}
