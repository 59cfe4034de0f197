using EmergencyLink.Domain.Telemetry;

namespace EmergencyLink.Handover.Tests;

public sealed class VitalsChartingTests
{
    private static readonly DateTimeOffset Start = Cases.T0;

    [Fact]
    public void Forty_minutes_at_one_hertz_chart_the_first_reading_one_every_five_minutes_and_the_last()
    {
        var readings = Series(2400, _ => Normal);

        var charted = VitalsCharting.Chart(readings, VitalParameter.HeartRate);

        Assert.Equal([0, 300, 600, 900, 1200, 1500, 1800, 2100, 2399], charted.Select(c => c.Index));
        Assert.DoesNotContain(charted, c => c.MostAbnormal);
    }

    [Fact]
    public void The_most_abnormal_reading_between_chart_times_is_charted_and_marked()
    {
        var readings = Series(2400, s => s == 1234 ? Normal with { SpO2 = 82 } : s == 1500 ? Normal with { SpO2 = 90 } : Normal);

        var charted = VitalsCharting.Chart(readings, VitalParameter.OxygenSaturation);

        var worst = Assert.Single(charted, c => c.MostAbnormal);
        Assert.Equal(1234, worst.Index);
        Assert.Equal(10, charted.Count);
        Assert.Equal(charted.Select(c => c.Index).Order(), charted.Select(c => c.Index));
    }

    [Fact]
    public void A_high_value_is_as_abnormal_as_a_low_one_relative_to_the_normal_range()
    {
        // Normal 60-100 (width 40): 150 is 1.25 widths out, 40 only 0.5.
        var readings = Series(600, s => s == 100 ? Normal with { HeartRate = 40 } : s == 400 ? Normal with { HeartRate = 150 } : Normal);

        var charted = VitalsCharting.Chart(readings, VitalParameter.HeartRate);

        Assert.Equal(400, Assert.Single(charted, c => c.MostAbnormal).Index);
    }

    [Fact]
    public void Readings_without_the_parameter_are_skipped_and_chart_times_follow_the_first_real_reading()
    {
        var readings = Series(700, s => s < 10 ? Normal with { EtCO2MmHg = null } : Normal);

        var charted = VitalsCharting.Chart(readings, VitalParameter.EndTidalCo2);

        Assert.Equal([10, 310, 610, 699], charted.Select(c => c.Index));
    }

    [Fact]
    public void A_parameter_the_monitor_never_measured_charts_nothing()
    {
        var readings = Series(300, _ => Normal with { TemperatureC = null });

        Assert.Empty(VitalsCharting.Chart(readings, VitalParameter.BodyTemperature));
        Assert.Empty(VitalsCharting.Chart([], VitalParameter.HeartRate));
    }

    [Fact]
    public void A_gap_in_the_monitor_longer_than_the_interval_charts_the_first_reading_after_it_once()
    {
        var readings = Series(2400, _ => Normal).Where((_, s) => s is < 200 or > 1000).ToList();

        var charted = VitalsCharting.Chart(readings, VitalParameter.HeartRate);

        var times = charted.Select(c => (readings[c.Index].At - Start).TotalSeconds).ToArray();
        Assert.Equal([0, 1001, 1200, 1500, 1800, 2100, 2399], times);
    }

    [Fact]
    public void A_forty_minute_transport_document_holds_a_chart_not_every_reading()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());

        var vitals = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Observation>()
            .Count(o => o.Category.Any(c => c.Coding.Any(x => x.Code == "vital-signs")));

        // Five parameters charted about nine times each (temperature once a minute, still 9 chart points).
        Assert.InRange(vitals, 40, 60);
    }

    [Fact]
    public void The_vital_signs_narrative_is_a_time_grid_with_the_most_abnormal_values_starred()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());

        var section = bundle.Entry.Select(e => e.Resource).OfType<Hl7.Fhir.Model.Composition>().Single().Section.Single(s => s.Title == "Vital signs");
        var div = section.Text!.Div!;

        Assert.Contains("<th>HR /min</th><th>SpO2 %</th><th>RR /min</th><th>BP mmHg</th><th>Temp °C</th><th>EtCO2 mmHg</th>", div, StringComparison.Ordinal);
        Assert.Contains("<td>88 *</td>", div, StringComparison.Ordinal);
        // First reading and every 5 minutes to 35 (8 rows), the last second (2399 s), EtCO2's last (every other second:
        // 2398 s), temperature's last (once a minute: 2340 s), and the SpO2 dip and HR peak between chart times: 13 rows.
        Assert.Equal(13, System.Text.RegularExpressions.Regex.Count(div, "<tr><td>"));
    }

    [Fact]
    public void Readings_out_of_time_order_are_charted_as_if_in_order()
    {
        var handover = Cases.StemiTransport();
        var shuffled = handover with { Vitals = handover.Vitals.Reverse().ToArray() };

        Assert.Equal(
            HandoverSerializer.ToJson(HandoverDocumentBuilder.Build(handover)),
            HandoverSerializer.ToJson(HandoverDocumentBuilder.Build(shuffled)));
    }

    private static readonly VitalSigns Normal = new(80, 98, 130, 80, 97, 16, 38, 36.9);

    private static List<VitalsReading> Series(int seconds, Func<int, VitalSigns> at) =>
        Enumerable.Range(0, seconds).Select(s => new VitalsReading(Start.AddSeconds(s), at(s))).ToList();
}
