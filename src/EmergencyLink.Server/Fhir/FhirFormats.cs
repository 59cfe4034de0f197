namespace EmergencyLink.Server.Fhir;

/// <summary>
/// Content negotiation as FHIR's HTTP page describes it: <c>_format</c> wins over Accept; both name JSON or XML by a
/// short name or a MIME type; JSON when neither says.
/// </summary>
public static class FhirFormats
{
    public const string JsonMime = "application/fhir+json";
    public const string XmlMime = "application/fhir+xml";

    /// <summary>The format asked for, or null when <c>_format</c> names one this server does not speak.</summary>
    public static FhirFormat? Negotiate(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var format = request.Query["_format"].ToString();
        if (!string.IsNullOrWhiteSpace(format))
        {
            return Named(format.Split(';')[0].Trim());
        }

        foreach (var accept in request.GetTypedHeaders().Accept.OrderByDescending(a => a.Quality ?? 1))
        {
            if (Named(accept.MediaType.ToString()) is { } named)
            {
                return named;
            }
        }

        return FhirFormat.Json;
    }

    private static FhirFormat? Named(string name) => name.ToLowerInvariant() switch
    {
        "json" or "application/json" or JsonMime or "application/json+fhir" => FhirFormat.Json,
        "xml" or "text/xml" or "application/xml" or XmlMime or "application/xml+fhir" => FhirFormat.Xml,
        _ => null,
    };
}
