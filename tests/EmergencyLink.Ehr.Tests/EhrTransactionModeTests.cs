using System.Text.Json;

namespace EmergencyLink.Ehr.Tests;

/// <summary>Transaction mode: the same queue and guarantees, a different request.</summary>
public sealed class EhrTransactionModeTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("emergencylink-ehr-").FullName;
    private readonly FhirReceiver receiver = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await receiver.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Transaction_mode_posts_to_the_base_a_transaction_whose_one_entry_conditionally_creates_the_document()
    {
        await receiver.StartAsync();
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl },
            new Dictionary<string, string> { ["Hospitals:H1:Mode"] = "Transaction" });
        await push.StartAsync();

        await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None);
        await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 2), CancellationToken.None);
        await push.WaitForAsync("H1", s => s.Pending == 0);

        Assert.Equal(["H1/INC-1/1", "H1/INC-1/2"], receiver.Accepted);
        var request = receiver.Received[0];
        Assert.Equal("/fhir", request.Path);
        Assert.Null(request.IfNoneExist);
        using var body = JsonDocument.Parse(request.Body);
        var root = body.RootElement;
        Assert.Equal("Bundle", root.GetProperty("resourceType").GetString());
        Assert.Equal("transaction", root.GetProperty("type").GetString());
        var entry = Assert.Single(root.GetProperty("entry").EnumerateArray());
        Assert.Equal("POST", entry.GetProperty("request").GetProperty("method").GetString());
        Assert.Equal("Bundle", entry.GetProperty("request").GetProperty("url").GetString());
        Assert.Equal("identifier=urn%3Aietf%3Arfc%3A3986|urn%3Aemergencylink%3Ahandover%3AINC-1%3A1",
            entry.GetProperty("request").GetProperty("ifNoneExist").GetString());
        var document = entry.GetProperty("resource");
        Assert.Equal("document", document.GetProperty("type").GetString());
        Assert.Equal("urn:emergencylink:handover:INC-1:1", document.GetProperty("identifier").GetProperty("value").GetString());
    }

    [Fact]
    public async Task In_transaction_mode_a_document_the_fhir_sdk_cannot_read_is_refused_at_enqueue()
    {
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl },
            new Dictionary<string, string> { ["Hospitals:H1:Mode"] = "Transaction" });

        var unknownElement = """{"resourceType":"Bundle","type":"document","noSuchElement":true}""";
        await Assert.ThrowsAsync<ArgumentException>(() => push.Push.EnqueueAsync(new EhrDocument("H1", "INC-1", 1, "x", unknownElement), CancellationToken.None));
        Assert.Equal(0, (await push.StatusAsync("H1")).Pending);
    }
}
