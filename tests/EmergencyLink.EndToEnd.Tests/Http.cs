using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace EmergencyLink.EndToEnd.Tests;

internal static class Http
{
    public static async Task<(HttpStatusCode Status, JsonElement Body)> SendJsonAsync(
        this HttpClient client, HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (body is string raw)
        {
            request.Content = new StringContent(raw, Encoding.UTF8, "application/json");
        }
        else if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        var json = text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
        return (response.StatusCode, json);
    }

    public static Task<(HttpStatusCode Status, JsonElement Body)> GetJsonAsync(this HttpClient client, string path) =>
        client.SendJsonAsync(HttpMethod.Get, path);

    public static Task<(HttpStatusCode Status, JsonElement Body)> PostJsonAsync(this HttpClient client, string path, object? body) =>
        client.SendJsonAsync(HttpMethod.Post, path, body);

    public static Task<(HttpStatusCode Status, JsonElement Body)> PutJsonAsync(this HttpClient client, string path, object? body) =>
        client.SendJsonAsync(HttpMethod.Put, path, body);

    /// <summary>Asserts the status and returns the body; on mismatch the message carries the body.</summary>
    public static JsonElement Expect(this (HttpStatusCode Status, JsonElement Body) response, HttpStatusCode expected)
    {
        Assert.True(response.Status == expected,
            $"Expected {(int)expected} {expected}, got {(int)response.Status} {response.Status}: {response.Body}");
        return response.Body;
    }

    /// <summary>Asserts a ProblemDetails answer with the status, and returns it.</summary>
    public static JsonElement ExpectProblem(this (HttpStatusCode Status, JsonElement Body) response, HttpStatusCode expected)
    {
        var body = response.Expect(expected);
        Assert.True(body.ValueKind == JsonValueKind.Object, $"No ProblemDetails body for {(int)expected}");
        Assert.Equal((int)expected, body.GetProperty("status").GetInt32());
        Assert.True(body.TryGetProperty("title", out _), $"ProblemDetails without title: {body}");
        return body;
    }

    public static string Str(this JsonElement e, string name) => e.GetProperty(name).GetString()!;

    public static object NewIncident(int priority = 2, double lat = 0, double lon = 0, string complaint = "chest pain") =>
        new { location = new { lat, lon }, complaint, priority, address = "1 Test Street" };
}
