using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// An OpenTelemetry collector's OTLP/HTTP receiver on a loopback port: it keeps every export body by signal. The
/// bodies are protobuf, where names and string attributes travel as plain UTF-8, so a test can look for a metric or
/// span name in them without a protobuf parser.
/// </summary>
public sealed class TestOtlpCollector : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> exports = new();
    private WebApplication? app;

    public Uri Endpoint { get; private set; } = null!;

    public async Task StartAsync()
    {
        Endpoint = new Uri($"http://127.0.0.1:{FreePorts.Take(1)[0]}");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(Endpoint.ToString().TrimEnd('/'));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        app = builder.Build();
        app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
        {
            using var body = new MemoryStream();
            await request.Body.CopyToAsync(body);
            exports.Enqueue((signal, body.ToArray()));
            // An empty ExportServiceResponse: every item accepted.
            return Results.Bytes([], "application/x-protobuf");
        });
        await app.StartAsync();
    }

    /// <summary>Whether an export of the signal ("metrics", "traces") has named <paramref name="text"/>.</summary>
    public bool Saw(string signal, string text)
    {
        var needle = Encoding.UTF8.GetBytes(text);
        return exports.Any(e => e.Signal == signal && e.Body.AsSpan().IndexOf(needle) >= 0);
    }

    public async Task<bool> WaitToSeeAsync(string signal, string text, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Saw(signal, text))
            {
                return true;
            }

            await Task.Delay(200);
        }

        return Saw(signal, text);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null)
        {
            await app.DisposeAsync();
        }
    }
}
