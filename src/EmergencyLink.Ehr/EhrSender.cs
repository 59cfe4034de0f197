using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace EmergencyLink.Ehr;

/// <summary>One attempt to hand one document to a hospital's FHIR server, and what its answer means for the queue.</summary>
internal sealed class EhrSender(IHttpClientFactory clients, EhrOptions options, TimeProvider time)
{
    public const string ClientName = "EmergencyLink.Ehr";
    public const string FhirJson = "application/fhir+json";

    /// <summary>How much of an error body is read for the record; a receiver cannot make us buffer megabytes.</summary>
    private const int MaxErrorBodyChars = 64 * 1024;

    public async Task<EhrSendResult> SendAsync(EhrHospitalOptions target, EhrPendingDocument document, CancellationToken cancellationToken)
    {
        HttpRequestMessage request;
        try
        {
            request = Request(target, document);
        }
        catch (ArgumentException e)
        {
            // Nothing was sent: the document cannot be put in the configured form. Retrying will not change that.
            return new EhrSendResult(EhrSendOutcome.Rejected, null, e.Message);
        }

        using var _ = request;
        using var timeout = new CancellationTokenSource(options.RequestTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            var client = clients.CreateClient(ClientName);
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
            {
                return new EhrSendResult(EhrSendOutcome.Delivered, status, "");
            }

            var body = await ReadSomeAsync(response, linked.Token).ConfigureAwait(false);
            var detail = OperationOutcomeText.Describe(status, response.ReasonPhrase, body);
            return IsDocumentProblem(status)
                ? new EhrSendResult(EhrSendOutcome.Rejected, status, detail)
                : new EhrSendResult(EhrSendOutcome.Retry, status, detail, RetryAfter(response));
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new EhrSendResult(EhrSendOutcome.Retry, null, $"no answer within {options.RequestTimeout.TotalSeconds:0.###} s");
        }
        catch (HttpRequestException e)
        {
            return new EhrSendResult(EhrSendOutcome.Retry, null, "network: " + e.Message);
        }
    }

    /// <summary>
    /// A 4xx that is about this document (malformed, invalid, conflicting, too large) will be answered the same way
    /// however often it is sent, so it is set aside rather than retried: one poison document must not block the
    /// hospital's later documents forever. Everything else is about the link or the receiver and is retried with the
    /// queue held: 408 and 429 (by definition), 5xx, and also 401/403 (credentials), 404/405 (a wrong base URL) and
    /// redirects, because rejecting those would silently drain every document into the rejected pile until an
    /// operator fixes the configuration; held, they show as a growing queue and a last error instead.
    /// </summary>
    internal static bool IsDocumentProblem(int status) =>
        status is >= 400 and < 500 and not (408 or 429 or 401 or 403 or 404 or 405);

    private static HttpRequestMessage Request(EhrHospitalOptions target, EhrPendingDocument document)
    {
        var transaction = target.Mode == EhrMode.Transaction;
        var url = new Uri(target.BaseUrl.TrimEnd('/') + (transaction ? "" : "/Bundle"));
        var body = transaction ? EhrTransaction.Wrap(document.BundleJson) : document.BundleJson;
        var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, FhirJson),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(FhirJson));

        // At least once: after a lost response the same document comes again with the same id, for the receiver to
        // de-duplicate; and, where it supports conditional create, the Bundle's identifier does it for it.
        request.Headers.Add("X-Request-Id", document.RequestId);
        if (!transaction && BundleText.ConditionalCreateQuery(document.BundleJson) is { } query)
        {
            request.Headers.TryAddWithoutValidation("If-None-Exist", query);
        }

        // The document can be large (ECG samples); there is no use in having it echoed back.
        request.Headers.TryAddWithoutValidation("Prefer", "return=minimal");
        if (!string.IsNullOrWhiteSpace(target.BearerToken))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", target.BearerToken);
        }

        foreach (var (name, value) in target.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }

    private static async Task<string> ReadSomeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            using var reader = new StreamReader(stream, Encoding.UTF8);
            var buffer = new char[MaxErrorBodyChars];
            var read = 0;
            int n;
            while (read < buffer.Length && (n = await reader.ReadAsync(buffer.AsMemory(read), cancellationToken).ConfigureAwait(false)) > 0)
            {
                read += n;
            }

            return new string(buffer, 0, read);
        }
    }

    private TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        if (response.StatusCode is not (HttpStatusCode.TooManyRequests or HttpStatusCode.ServiceUnavailable) || response.Headers.RetryAfter is not { } after)
        {
            return null;
        }

        return after.Delta ?? (after.Date is { } date ? date - time.GetUtcNow() : null);
    }
}
