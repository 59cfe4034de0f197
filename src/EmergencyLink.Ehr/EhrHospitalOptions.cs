namespace EmergencyLink.Ehr;

/// <summary>One hospital's EHR endpoint (<c>Ehr:Hospitals:{hospitalId}</c>).</summary>
public sealed class EhrHospitalOptions
{
    /// <summary>The FHIR base URL (e.g. <c>https://ehr.example.org/fhir</c>); empty means the hospital has no EHR push.</summary>
    public string BaseUrl { get; set; } = "";

    public EhrMode Mode { get; set; } = EhrMode.Document;

    /// <summary>Sent as <c>Authorization: Bearer ...</c> when set.</summary>
    public string? BearerToken { get; set; }

    /// <summary>Extra request headers (an API key, a tenant), sent with every request.</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(BaseUrl);
}
