using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace EmergencyLink.Server.Fhir;

/// <summary>A FHIR resource as the response, in the format the client negotiated (<see cref="FhirFormats"/>).</summary>
public sealed class FhirResult(Resource resource, int statusCode = StatusCodes.Status200OK) : IResult
{
    // Firely's serializers hold no per-call state and are safe to share across requests.
    private static readonly FhirJsonSerializer Json = new();
    private static readonly FhirXmlSerializer Xml = new();

    public Resource Resource { get; } = resource;

    public int StatusCode { get; } = statusCode;

    public async System.Threading.Tasks.Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var format = FhirFormats.Negotiate(httpContext.Request) ?? FhirFormat.Json;
        httpContext.Response.StatusCode = StatusCode;
        httpContext.Response.ContentType = (format == FhirFormat.Xml ? FhirFormats.XmlMime : FhirFormats.JsonMime) + "; charset=utf-8";
        var text = format == FhirFormat.Xml ? Xml.SerializeToString(Resource) : Json.SerializeToString(Resource);
        await httpContext.Response.WriteAsync(text, httpContext.RequestAborted);
    }
}
