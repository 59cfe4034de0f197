using Hl7.Fhir.Model;
using Xunit.Abstractions;

namespace EmergencyLink.Handover.Tests;

[Collection(ValidatorCollection.Name)]
public sealed class HandoverDocumentValidationTests(ValidatorFixture fixture, ITestOutputHelper output)
{
    public static TheoryData<string> Scenarios() => ["stemi", "trauma", "cancelled", "no-transport"];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Each_scenario_validates_against_the_base_R4_specification_with_no_errors(string scenario)
    {
        var bundle = HandoverDocumentBuilder.Build(Scenario(scenario));

        var result = fixture.Validator.Validate(bundle);

        foreach (var warning in result.Warnings.DistinctBy(w => w.Message).Take(30))
        {
            output.WriteLine(warning.ToString());
        }

        Assert.True(result.IsValid, string.Join('\n', result.Errors));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Each_scenario_round_trips_through_json_unchanged(string scenario)
    {
        var bundle = HandoverDocumentBuilder.Build(Scenario(scenario));

        var json = HandoverSerializer.ToJson(bundle);
        var parsed = HandoverSerializer.FromJson(json);

        Assert.Equal(json, HandoverSerializer.ToJson(parsed));
        Assert.True(parsed.IsExactly(bundle));
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Each_scenario_round_trips_through_xml_unchanged(string scenario)
    {
        var bundle = HandoverDocumentBuilder.Build(Scenario(scenario));

        var xml = HandoverSerializer.ToXml(bundle);
        var parsed = HandoverSerializer.FromXml(xml);

        Assert.Equal(xml, HandoverSerializer.ToXml(parsed));
        Assert.True(parsed.IsExactly(bundle));
    }

    [Fact]
    public void A_document_with_an_invalid_resource_is_reported_with_errors()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.Cancelled());
        bundle.Entry.OfType<Bundle.EntryComponent>().Select(e => e.Resource).OfType<Composition>().Single().Title = null;

        var result = fixture.Validator.Validate(bundle);

        Assert.False(result.IsValid);
    }

    [Fact]
    public void A_heart_rate_that_breaks_the_R4_heart_rate_profile_is_reported_with_errors()
    {
        var bundle = HandoverDocumentBuilder.Build(Cases.StemiTransport());
        var heartRate = bundle.Entry.Select(e => e.Resource).OfType<Observation>().First(o => o.Code.Coding.Any(c => c.Code == "8867-4"));
        ((Quantity)heartRate.Value!).Code = "beats";

        var result = fixture.Validator.Validate(bundle);

        output.WriteLine(string.Join('\n', result.Errors));
        Assert.Contains(result.Errors, e => e.Location.Contains("Observation", StringComparison.Ordinal) || e.Message.Contains("/min", StringComparison.Ordinal));
    }

    [Fact]
    public void Free_text_with_markup_characters_stays_valid_and_round_trips()
    {
        var handover = Cases.NoTransport() with { Complaint = "Fall <2 m> & \"dizzy\"\u0007\uFFFF\uD800 since 10:00; O'Brien's daughter called 😀" };
        var bundle = HandoverDocumentBuilder.Build(handover);

        var xml = HandoverSerializer.ToXml(bundle);
        var json = HandoverSerializer.ToJson(bundle);

        Assert.True(fixture.Validator.Validate(bundle).IsValid);
        Assert.Equal(xml, HandoverSerializer.ToXml(HandoverSerializer.FromXml(xml)));
        Assert.Equal(json, HandoverSerializer.ToJson(HandoverSerializer.FromXml(xml)));
    }

    [Fact]
    public async System.Threading.Tasks.Task The_shared_validator_gives_the_same_answer_to_several_threads_at_once()
    {
        string[] names = ["stemi", "trauma", "cancelled", "no-transport"];
        var bundles = names.Select(n => HandoverDocumentBuilder.Build(Scenario(n))).ToList();

        var results = await System.Threading.Tasks.Task.WhenAll(
            bundles.Concat(bundles).Select(b => System.Threading.Tasks.Task.Run(() => fixture.Validator.Validate(b))));

        Assert.All(results, r => Assert.True(r.IsValid, string.Join('\n', r.Errors)));
    }

    internal static HandoverCase Scenario(string name) => name switch
    {
        "stemi" => Cases.StemiTransport(),
        "trauma" => Cases.UnidentifiedTrauma(),
        "cancelled" => Cases.Cancelled(),
        "no-transport" => Cases.NoTransport(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };
}
