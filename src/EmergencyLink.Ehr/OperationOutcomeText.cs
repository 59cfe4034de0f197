using System.Text;
using System.Text.Json;

namespace EmergencyLink.Ehr;

/// <summary>What a receiver said when it refused: its OperationOutcome's issues, else the start of its body.</summary>
internal static class OperationOutcomeText
{
    private const int MaxLength = 2000;

    public static string Describe(int statusCode, string? reasonPhrase, string? body)
    {
        var head = $"HTTP {statusCode} {reasonPhrase}".TrimEnd();
        if (string.IsNullOrWhiteSpace(body))
        {
            return head;
        }

        var text = Issues(body) ?? body.Trim();
        text = text.Length > MaxLength ? text[..MaxLength] + "…" : text;
        return head + ": " + text;
    }

    private static string? Issues(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("resourceType", out var type) || type.GetString() != "OperationOutcome"
                || !root.TryGetProperty("issue", out var issues) || issues.ValueKind != JsonValueKind.Array)
            {
                return null;
            }

            var text = new StringBuilder();
            foreach (var issue in issues.EnumerateArray())
            {
                if (text.Length > 0)
                {
                    text.Append("; ");
                }

                text.Append(String(issue, "severity") ?? "error").Append(' ').Append(String(issue, "code") ?? "unknown");
                var details = issue.TryGetProperty("details", out var d) && d.ValueKind == JsonValueKind.Object ? String(d, "text") : null;
                var message = details ?? String(issue, "diagnostics");
                if (message is not null)
                {
                    text.Append(": ").Append(message);
                }

                if (issue.TryGetProperty("expression", out var expression) && expression.ValueKind == JsonValueKind.Array && expression.GetArrayLength() > 0)
                {
                    text.Append(" (at ").Append(string.Join(", ", expression.EnumerateArray().Select(e => e.ToString()))).Append(')');
                }
            }

            return text.ToString();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
