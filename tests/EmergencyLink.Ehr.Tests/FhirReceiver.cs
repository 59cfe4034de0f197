using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Ehr.Tests;

/// <summary>
/// A hospital's FHIR server as far as the push can tell: Kestrel on a loopback port that is reserved at
/// construction and only listened on once <see cref="StartAsync"/> is called, so "down" is a refused connection.
/// It records every request and answers what <see cref="Answer"/> says.
/// </summary>
public sealed class FhirReceiver : IAsyncDisposable
{
    private readonly List<ReceivedRequest> received = [];
    private readonly Lock gate = new();
    private WebApplication? app;
    private int inFlight;
    private int maxInFlight;

    public FhirReceiver()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        Port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        BaseUrl = new Uri($"http://127.0.0.1:{Port}/fhir");
    }

    public int Port { get; }

    public Uri BaseUrl { get; }

    /// <summary>Decides the answer to each request, given how many requests came before it.</summary>
    public Func<ReceivedRequest, int, ReceiverAnswer> Answer { get; set; } = (_, _) => ReceiverAnswer.Created;

    /// <summary>Sent as Retry-After with every 429 and 503 when set.</summary>
    public int? RetryAfterSeconds { get; set; }

    public IReadOnlyList<ReceivedRequest> Received
    {
        get
        {
            lock (gate)
            {
                return [.. received];
            }
        }
    }

    /// <summary>The most requests it was ever answering at once: above one means two senders overlapped.</summary>
    public int MaxInFlight
    {
        get
        {
            lock (gate)
            {
                return maxInFlight;
            }
        }
    }

    /// <summary>The request ids the receiver accepted (2xx), in arrival order.</summary>
    public IReadOnlyList<string?> Accepted => [.. Received.Where(r => r.Status is >= 200 and < 300).Select(r => r.RequestId)];

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{Port}");
        app = builder.Build();
        app.Run(HandleAsync);
        await app.StartAsync();
    }

    public async Task StopAsync()
    {
        if (app is not null)
        {
            await app.StopAsync();
            await app.DisposeAsync();
            app = null;
        }
    }

    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync(context.RequestAborted);
        var headers = context.Request.Headers;
        var request = new ReceivedRequest(
            context.Request.Method, context.Request.Path.Value ?? "", headers["X-Request-Id"].FirstOrDefault(),
            headers["If-None-Exist"].FirstOrDefault(), headers.Authorization.FirstOrDefault(), headers["X-Api-Key"].FirstOrDefault(),
            context.Request.ContentType, body, 0, headers["X-Sender"].FirstOrDefault());
        lock (gate)
        {
            inFlight++;
            maxInFlight = Math.Max(maxInFlight, inFlight);
        }

        try
        {
            await AnswerAsync(context, request);
        }
        finally
        {
            lock (gate)
            {
                inFlight--;
            }
        }
    }

    private async Task AnswerAsync(HttpContext context, ReceivedRequest request)
    {
        ReceiverAnswer answer;
        lock (gate)
        {
            answer = Answer(request, received.Count);
            received.Add(request with { Status = answer.Hang ? 0 : answer.Status });
        }

        if (answer.Delay is { } delay)
        {
            await Task.Delay(delay, context.RequestAborted);
        }

        if (answer.Hang)
        {
            await Task.Delay(Timeout.Infinite, context.RequestAborted).ContinueWith(_ => { }, TaskScheduler.Default);
            return;
        }

        context.Response.StatusCode = answer.Status;
        if (RetryAfterSeconds is { } seconds && answer.Status is 429 or 503)
        {
            context.Response.Headers.RetryAfter = seconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        if (answer.Body is not null)
        {
            context.Response.ContentType = "application/fhir+json";
            await context.Response.WriteAsync(answer.Body, context.RequestAborted);
        }
    }
}
