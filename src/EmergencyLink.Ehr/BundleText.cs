using System.Text.Json;

namespace EmergencyLink.Ehr;

/// <summary>The little this component reads of a document it otherwise passes through untouched.</summary>
internal static class BundleText
{
    /// <summary>Refuses text that is not a JSON Bundle at enqueue, where the producer hears of it, not at the receiver.</summary>
    public static void EnsureBundle(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("resourceType", out var type)
                || type.ValueKind != JsonValueKind.String
                || type.GetString() != "Bundle")
            {
                throw new ArgumentException("The document must be a FHIR Bundle (resourceType \"Bundle\").", nameof(json));
            }
        }
        catch (JsonException e)
        {
            throw new ArgumentException("The document is not valid JSON: " + e.Message, nameof(json), e);
        }
    }

    /// <summary>
    /// The <c>If-None-Exist</c> query for the Bundle's identifier (a document's persistent identifier, one per
    /// version): a receiver that supports conditional create then stores a resent document once. Null without one.
    /// </summary>
    public static string? ConditionalCreateQuery(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            if (!document.RootElement.TryGetProperty("identifier", out var identifier)
                || identifier.ValueKind != JsonValueKind.Object
                || !identifier.TryGetProperty("value", out var value)
                || value.ValueKind != JsonValueKind.String)
            {
                return null;
            }

            var system = identifier.TryGetProperty("system", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            var token = system is null
                ? Uri.EscapeDataString(value.GetString()!)
                : Uri.EscapeDataString(system) + "|" + Uri.EscapeDataString(value.GetString()!);
            return "identifier=" + token;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
