using Hl7.Fhir.Model;

namespace EmergencyLink.Server.Fhir;

/// <summary>
/// A resource taken out of a handover document for the REST interface. Inside the document, references are the
/// document's urn:uuid entries; outside it they would point nowhere. The patient and the encounter become
/// Patient/{case} and Encounter/{case}, what this interface serves; any other reference keeps only its display text,
/// so a client is never handed a link it cannot follow.
/// </summary>
public sealed class RestReferences
{
    private readonly Dictionary<string, Resource> byFullUrl;
    private readonly string caseId;

    public RestReferences(Bundle document, string caseId)
    {
        ArgumentNullException.ThrowIfNull(document);
        byFullUrl = new Dictionary<string, Resource>(StringComparer.Ordinal);
        foreach (var entry in document.Entry)
        {
            if (entry.FullUrl is { } fullUrl && entry.Resource is { } resource)
            {
                byFullUrl[fullUrl] = resource;
            }
        }

        this.caseId = caseId;
    }

    public void Rewrite(Base element)
    {
        ArgumentNullException.ThrowIfNull(element);
        foreach (var (_, value) in element.EnumerateElements())
        {
            switch (value)
            {
                case Base child:
                    Visit(child);
                    break;
                case IEnumerable<Base> children:
                    foreach (var child in children)
                    {
                        Visit(child);
                    }

                    break;
            }
        }
    }

    /// <summary>The id an entry is served under: its urn:uuid without the prefix.</summary>
    public static string IdOf(string fullUrl) =>
        fullUrl.StartsWith("urn:uuid:", StringComparison.Ordinal) ? fullUrl["urn:uuid:".Length..] : fullUrl;

    /// <summary>Parses a token search: <c>code</c>, <c>system|code</c> or <c>|code</c>, several separated by commas.</summary>
    public static bool TryParseCodes(string text, out IReadOnlyList<(string? System, string Code)> codes, out string? error)
    {
        var parsed = new List<(string?, string)>();
        codes = parsed;
        error = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        foreach (var token in text.Split(','))
        {
            var bar = token.IndexOf('|', StringComparison.Ordinal);
            var (system, code) = bar < 0 ? ((string?)null, token.Trim()) : (token[..bar].Trim(), token[(bar + 1)..].Trim());
            if (code.Length == 0)
            {
                error = $"code '{token}' names no code; use code, system|code or |code.";
                return false;
            }

            parsed.Add((system, code));
        }

        return true;
    }

    /// <summary>
    /// Whether the observation's code matches one of the tokens (none given: every observation). A token without a
    /// system matches the code in any system; "|code" only a coding that has no system.
    /// </summary>
    public static bool Matches(Observation observation, IReadOnlyList<(string? System, string Code)> codes) =>
        codes.Count == 0 || codes.Any(t => observation.Code?.Coding.Any(c => c.Code == t.Code &&
            (t.System is null || (t.System.Length == 0 ? string.IsNullOrEmpty(c.System) : c.System == t.System))) == true);

    private void Visit(Base child)
    {
        if (child is ResourceReference reference)
        {
            Rewrite(reference);
        }
        else if (child is not Resource)
        {
            Rewrite(child);
        }
    }

    private void Rewrite(ResourceReference reference)
    {
        if (reference.Reference is not { } target || !byFullUrl.TryGetValue(target, out var resource))
        {
            return;
        }

        switch (resource)
        {
            case Patient:
                reference.Reference = $"Patient/{caseId}";
                break;
            case Encounter:
                reference.Reference = $"Encounter/{caseId}";
                break;
            default:
                reference.Display ??= Describe(resource);
                reference.Reference = null;
                break;
        }
    }

    private static string Describe(Resource resource) => resource switch
    {
        Organization o when o.Name is { } name => name,
        Location l when l.Name is { } name => name,
        _ => resource.TypeName,
    };
}
