namespace EmergencyLink.Ehr.Tests;

/// <summary>The pure rules: back-off, which answers hold the queue, what a refusal records, which settings are refused.</summary>
public sealed class EhrRulesTests
{
    [Theory]
    [InlineData(1, 1000, 2000)]
    [InlineData(2, 2000, 4000)]
    [InlineData(3, 4000, 8000)]
    [InlineData(6, 30000, 60000)]
    [InlineData(7, 30000, 60000)]
    [InlineData(1000, 30000, 60000)]
    public void Back_off_doubles_per_failure_keeps_at_least_half_its_step_and_never_exceeds_the_cap(int failures, int lowMs, int highMs)
    {
        var initial = TimeSpan.FromSeconds(2);
        var max = TimeSpan.FromMinutes(1);

        Assert.Equal(TimeSpan.FromMilliseconds(lowMs), EhrBackoff.Delay(failures, initial, max, 0));
        Assert.Equal(TimeSpan.FromMilliseconds(highMs), EhrBackoff.Delay(failures, initial, max, 1));
        var jittered = EhrBackoff.Delay(failures, initial, max, 0.5);
        Assert.InRange(jittered, TimeSpan.FromMilliseconds(lowMs), TimeSpan.FromMilliseconds(highMs));
    }

    [Theory]
    [InlineData(400, true)]
    [InlineData(409, true)]
    [InlineData(412, true)]
    [InlineData(413, true)]
    [InlineData(422, true)]
    [InlineData(408, false)]
    [InlineData(429, false)]
    [InlineData(401, false)]
    [InlineData(403, false)]
    [InlineData(404, false)]
    [InlineData(405, false)]
    [InlineData(500, false)]
    [InlineData(502, false)]
    [InlineData(503, false)]
    [InlineData(302, false)]
    public void Only_a_4xx_about_the_document_sets_it_aside_everything_else_holds_the_queue(int status, bool rejected)
    {
        Assert.Equal(rejected, EhrSender.IsDocumentProblem(status));
    }

    [Fact]
    public void A_refusal_records_the_operation_outcome_issues_or_else_the_start_of_the_body()
    {
        const string Outcome = """
            {"resourceType":"OperationOutcome","issue":[
              {"severity":"error","code":"required","details":{"text":"Composition.subject missing"}},
              {"severity":"warning","code":"business-rule","diagnostics":"unknown practitioner"}]}
            """;

        Assert.Equal("HTTP 422 Unprocessable Entity: error required: Composition.subject missing; warning business-rule: unknown practitioner",
            OperationOutcomeText.Describe(422, "Unprocessable Entity", Outcome));
        Assert.Equal("HTTP 400 Bad Request: no such thing", OperationOutcomeText.Describe(400, "Bad Request", "  no such thing \n"));
        Assert.Equal("HTTP 400", OperationOutcomeText.Describe(400, null, ""));
        Assert.Equal(2000 + "HTTP 400: ".Length + 1, OperationOutcomeText.Describe(400, null, new string('x', 5000)).Length);
    }

    [Fact]
    public void The_conditional_create_query_names_the_bundle_identifier_or_is_absent_without_one()
    {
        Assert.Equal("identifier=urn%3Aietf%3Arfc%3A3986|urn%3Auuid%3A1",
            BundleText.ConditionalCreateQuery("""{"resourceType":"Bundle","identifier":{"system":"urn:ietf:rfc:3986","value":"urn:uuid:1"}}"""));
        Assert.Equal("identifier=abc", BundleText.ConditionalCreateQuery("""{"resourceType":"Bundle","identifier":{"value":"abc"}}"""));
        Assert.Null(BundleText.ConditionalCreateQuery("""{"resourceType":"Bundle"}"""));
    }

    [Fact]
    public void Settings_that_would_lose_or_misroute_documents_are_refused_with_every_fault_named()
    {
        var options = new EhrOptions
        {
            InitialBackoff = TimeSpan.FromMinutes(2),
            MaxBackoff = TimeSpan.FromMinutes(1),
            RequestTimeout = TimeSpan.Zero,
            Hospitals =
            {
                ["H1"] = new EhrHospitalOptions { BaseUrl = "ehr.example.org/fhir" },
                ["H2"] = new EhrHospitalOptions { BaseUrl = "https://ehr.example.org/fhir", Mode = (EhrMode)7 },
                ["H3"] = new EhrHospitalOptions { BaseUrl = "" },
                ["H4"] = new EhrHospitalOptions { BaseUrl = "https://ehr.example.org/fhir", Mode = EhrMode.Transaction },
            },
        };

        var errors = options.Validate();

        Assert.Equal(4, errors.Count);
        Assert.Contains(errors, e => e.Contains("MaxBackoff", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("RequestTimeout", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Hospitals:H1:BaseUrl", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("Hospitals:H2:Mode", StringComparison.Ordinal));
    }
}
