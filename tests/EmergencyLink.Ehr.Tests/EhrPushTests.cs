namespace EmergencyLink.Ehr.Tests;

/// <summary>
/// The push against a real HTTP receiver on loopback: ordering, outages, rejections, restarts, independence of
/// hospitals. Back-offs are 20–100 ms, so every wait is for an event, bounded by a few seconds.
/// </summary>
public sealed class EhrPushTests : IAsyncLifetime
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
    public async Task Documents_are_delivered_to_a_hospital_in_the_order_they_were_queued_even_when_attempts_fail_at_random()
    {
        // Every third request fails: each failure holds the hospital's queue until that very document is through.
        receiver.Answer = (_, n) => n % 3 == 1 ? new ReceiverAnswer(503) : ReceiverAnswer.Created;
        await receiver.StartAsync();
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl });
        await push.StartAsync();

        var queued = new[]
        {
            Bundles.For("H1", "INC-1", 1, "pre-alert"), Bundles.For("H1", "INC-2", 1, "pre-alert"), Bundles.For("H1", "INC-1", 2),
            Bundles.For("H1", "INC-1", 3), Bundles.For("H1", "INC-2", 2), Bundles.For("H1", "INC-1", 4),
        };
        foreach (var document in queued)
        {
            Assert.True(await push.Push.EnqueueAsync(document, CancellationToken.None));
        }

        var status = await push.WaitForAsync("H1", s => s.Pending == 0);

        Assert.Equal(queued.Select(d => $"H1/{d.CaseId}/{d.Version}"), receiver.Accepted);
        Assert.Equal(new EhrDelivery("INC-1", 4, status.LastDelivered!.At), status.LastDelivered);
        Assert.Equal(0, status.Rejected);
        Assert.All(receiver.Received, r => Assert.Equal("POST", r.Method));
        Assert.All(receiver.Received, r => Assert.Equal("/fhir/Bundle", r.Path));
    }

    [Fact]
    public async Task A_receiver_that_is_down_then_failing_gets_every_document_in_order_once_it_is_back_and_resends_carry_the_same_request_id()
    {
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl });
        await push.StartAsync();
        var queued = new[] { Bundles.For("H1", "INC-1", 1), Bundles.For("H1", "INC-2", 1), Bundles.For("H1", "INC-1", 2) };
        foreach (var document in queued)
        {
            Assert.True(await push.Push.EnqueueAsync(document, CancellationToken.None));
        }

        // Down: nothing listens on the port. The head is tried again and again; nothing is lost or skipped.
        var down = await push.WaitForAsync("H1", s => s.HeadAttempts >= 3);
        Assert.Equal(3, down.Pending);
        Assert.Equal("INC-1", down.LastError!.CaseId);
        Assert.StartsWith("network:", down.LastError.Message, StringComparison.Ordinal);

        // Up, but failing: the first three answers are 503s (as if stored, then the answer lost), then it recovers.
        receiver.Answer = (_, n) => n < 3 ? new ReceiverAnswer(503) : ReceiverAnswer.Created;
        await receiver.StartAsync();
        await push.WaitForAsync("H1", s => s.Pending == 0);

        var expected = queued.Select(d => $"H1/{d.CaseId}/{d.Version}").ToArray();
        Assert.Equal(expected, receiver.Accepted);

        // A receiver that keeps the first copy of each request id (the 503'd ones included) has each document once, in order.
        Assert.Equal(expected, receiver.Received.Select(r => r.RequestId).Distinct());
        Assert.Equal(3, receiver.Received.Count(r => r.Status == 503 && r.RequestId == expected[0]));
        Assert.All(receiver.Received, r => Assert.Equal("identifier=urn%3Aietf%3Arfc%3A3986|" + Uri.EscapeDataString(
            "urn:emergencylink:handover:" + r.RequestId!.Split('/')[1] + ":" + r.RequestId.Split('/')[2]), r.IfNoneExist));
        Assert.Contains("HTTP 503", (await push.StatusAsync("H1")).LastError!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_document_the_receiver_rejects_is_set_aside_with_its_operation_outcome_and_does_not_block_later_documents()
    {
        const string Outcome = """
            {"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid","diagnostics":"Bundle.entry[0]: Composition.subject is required","expression":["Bundle.entry[0].resource.subject"]}]}
            """;
        receiver.Answer = (r, _) => r.RequestId == "H1/INC-1/2" ? new ReceiverAnswer(400, Outcome) : ReceiverAnswer.Created;
        await receiver.StartAsync();
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl });
        await push.StartAsync();

        foreach (var document in new[] { Bundles.For("H1", "INC-1", 1), Bundles.For("H1", "INC-1", 2), Bundles.For("H1", "INC-1", 3) })
        {
            await push.Push.EnqueueAsync(document, CancellationToken.None);
        }

        var status = await push.WaitForAsync("H1", s => s.Pending == 0);

        Assert.Equal(["H1/INC-1/1", "H1/INC-1/3"], receiver.Accepted);
        Assert.Single(receiver.Received, r => r.RequestId == "H1/INC-1/2");
        Assert.Equal(1, status.Rejected);
        Assert.Equal("INC-1", status.LastRejected!.CaseId);
        Assert.Equal(2, status.LastRejected.Version);
        Assert.Equal(400, status.LastRejected.StatusCode);
        Assert.Contains("error invalid: Bundle.entry[0]: Composition.subject is required (at Bundle.entry[0].resource.subject)", status.LastRejected.Outcome, StringComparison.Ordinal);
        Assert.Equal(3, status.LastDelivered!.Version);
    }

    [Fact]
    public async Task Pending_documents_survive_a_restart_and_the_next_instance_delivers_them_in_order()
    {
        var hospitals = new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl };
        var queued = new[] { Bundles.For("H1", "INC-1", 1), Bundles.For("H1", "INC-1", 2), Bundles.For("H1", "INC-2", 1) };
        await using (var first = EhrHarness.Create(folder, hospitals))
        {
            await first.StartAsync();
            foreach (var document in queued)
            {
                Assert.True(await first.Push.EnqueueAsync(document, CancellationToken.None));
            }

            // The receiver is down for the whole life of this instance.
            await first.WaitForAsync("H1", s => s.HeadAttempts >= 1);
        }

        await receiver.StartAsync();
        await using var second = EhrHarness.Create(folder, hospitals);
        var before = await second.StatusAsync("H1");
        Assert.Equal(3, before.Pending);
        Assert.True(before.HeadAttempts >= 1);

        await second.StartAsync();
        await second.WaitForAsync("H1", s => s.Pending == 0);
        Assert.Equal(queued.Select(d => $"H1/{d.CaseId}/{d.Version}"), receiver.Accepted);

        // The versions already accepted are remembered across the restart too.
        Assert.True(await second.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 2), CancellationToken.None));
        Assert.False(await second.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None));
        Assert.Equal(0, (await second.StatusAsync("H1")).Pending);
    }

    [Fact]
    public async Task A_document_is_durable_when_enqueue_returns_even_if_the_service_never_ran()
    {
        var hospitals = new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl };
        await using (var first = EhrHarness.Create(folder, hospitals))
        {
            Assert.True(await first.Push.EnqueueAsync(Bundles.For("H1", "INC-9", 1, "pre-alert"), CancellationToken.None));
        }

        await receiver.StartAsync();
        await using var second = EhrHarness.Create(folder, hospitals);
        await second.StartAsync();
        await second.WaitForAsync("H1", s => s.Pending == 0);
        Assert.Equal(["H1/INC-9/1"], receiver.Accepted);
    }

    [Fact]
    public async Task A_hospital_whose_receiver_is_down_does_not_delay_another_hospital()
    {
        await using var other = new FhirReceiver();
        await other.StartAsync();
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl, ["H2"] = other.BaseUrl });
        await push.StartAsync();

        await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None);
        await push.Push.EnqueueAsync(Bundles.For("H2", "INC-2", 1), CancellationToken.None);
        await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 2), CancellationToken.None);
        await push.Push.EnqueueAsync(Bundles.For("H2", "INC-2", 2), CancellationToken.None);

        await push.WaitForAsync("H2", s => s.Pending == 0);
        Assert.Equal(["H2/INC-2/1", "H2/INC-2/2"], other.Accepted);
        Assert.Equal(2, (await push.StatusAsync("H1")).Pending);

        await receiver.StartAsync();
        await push.WaitForAsync("H1", s => s.Pending == 0);
        Assert.Equal(["H1/INC-1/1", "H1/INC-1/2"], receiver.Accepted);
        Assert.DoesNotContain(other.Received, r => r.RequestId!.StartsWith("H1/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_attempt_the_receiver_leaves_unanswered_times_out_and_is_retried()
    {
        receiver.Answer = (_, n) => n == 0 ? new ReceiverAnswer(0, Hang: true) : ReceiverAnswer.Created;
        await receiver.StartAsync();
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl },
            new Dictionary<string, string> { ["RequestTimeout"] = "00:00:00.300" });
        await push.StartAsync();

        await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None);
        var status = await push.WaitForAsync("H1", s => s.Pending == 0);

        Assert.Equal(["H1/INC-1/1"], receiver.Accepted);
        Assert.Equal(2, receiver.Received.Count);
        Assert.Equal("no answer within 0.3 s", status.LastError!.Message);
    }

    [Fact]
    public async Task A_receiver_that_asks_to_retry_after_a_while_is_not_retried_sooner()
    {
        var answeredAt = new List<TimeSpan>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        receiver.Answer = (_, n) =>
        {
            answeredAt.Add(clock.Elapsed);
            return n == 0 ? new ReceiverAnswer(429) : ReceiverAnswer.Created;
        };
        receiver.RetryAfterSeconds = 1;
        await receiver.StartAsync();
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl },
            new Dictionary<string, string> { ["MaxBackoff"] = "00:00:05" });
        await push.StartAsync();

        await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None);
        await push.WaitForAsync("H1", s => s.Pending == 0);

        // The back-off alone would have retried after 10-20 ms.
        Assert.Equal(2, answeredAt.Count);
        Assert.True(answeredAt[1] - answeredAt[0] >= TimeSpan.FromMilliseconds(950), $"retried after {answeredAt[1] - answeredAt[0]}");
    }

    [Fact]
    public async Task Requests_carry_the_fhir_content_type_the_bearer_token_the_configured_headers_and_the_document_untouched()
    {
        await receiver.StartAsync();
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl },
            new Dictionary<string, string> { ["Hospitals:H1:BearerToken"] = "secret-token", ["Hospitals:H1:Headers:X-Api-Key"] = "key-1" });
        await push.StartAsync();

        var document = Bundles.For("H1", "INC-1", 1);
        await push.Push.EnqueueAsync(document, CancellationToken.None);
        await push.WaitForAsync("H1", s => s.Pending == 0);

        var request = Assert.Single(receiver.Received);
        Assert.Equal("H1/INC-1/1", request.RequestId);
        Assert.Equal("Bearer secret-token", request.Authorization);
        Assert.Equal("key-1", request.ApiKey);
        Assert.StartsWith("application/fhir+json", request.ContentType, StringComparison.Ordinal);
        Assert.Equal(document.BundleJson, request.Body);
    }

    [Fact]
    public async Task Enqueue_for_a_hospital_without_an_ehr_is_a_no_op_that_returns_false()
    {
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl },
            new Dictionary<string, string> { ["Hospitals:H2:BaseUrl"] = "" });

        Assert.False(await push.Push.EnqueueAsync(Bundles.For("H2", "INC-1", 1), CancellationToken.None));
        Assert.False(await push.Push.EnqueueAsync(Bundles.For("H3", "INC-1", 1), CancellationToken.None));
        var status = await push.StatusAsync("H2");
        Assert.False(status.Configured);
        Assert.Equal(0, status.Pending);
        Assert.True((await push.StatusAsync("H1")).Configured);
    }

    [Fact]
    public async Task A_repeated_version_is_queued_once_and_an_older_version_after_a_newer_one_is_dropped()
    {
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl });

        Assert.True(await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 2), CancellationToken.None));
        Assert.True(await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 2), CancellationToken.None));
        Assert.False(await push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 1), CancellationToken.None));
        Assert.True(await push.Push.EnqueueAsync(Bundles.For("H1", "INC-2", 1), CancellationToken.None));

        Assert.Equal(2, (await push.StatusAsync("H1")).Pending);
    }

    [Fact]
    public async Task A_document_that_is_not_a_json_bundle_is_refused_at_enqueue()
    {
        await using var push = EhrHarness.Create(folder, new Dictionary<string, Uri> { ["H1"] = receiver.BaseUrl });

        await Assert.ThrowsAsync<ArgumentException>(() => push.Push.EnqueueAsync(new EhrDocument("H1", "INC-1", 1, "x", "{not json"), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => push.Push.EnqueueAsync(new EhrDocument("H1", "INC-1", 1, "x", """{"resourceType":"Patient"}"""), CancellationToken.None));
        await Assert.ThrowsAsync<ArgumentException>(() => push.Push.EnqueueAsync(Bundles.For("H1", "INC-1", 0), CancellationToken.None));
        Assert.Equal(0, (await push.StatusAsync("H1")).Pending);
    }
}
