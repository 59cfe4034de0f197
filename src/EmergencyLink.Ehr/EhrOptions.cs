namespace EmergencyLink.Ehr;

/// <summary>The <c>Ehr</c> section: which hospitals receive handover documents, and how hard delivery tries.</summary>
public sealed class EhrOptions
{
    public const string Section = "Ehr";

    /// <summary>By hospital id (as the API names it, e.g. <c>H1</c>). A hospital not listed gets no EHR push.</summary>
    public Dictionary<string, EhrHospitalOptions> Hospitals { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The wait after the first failed attempt; it doubles with every further failure of the same document.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest wait between attempts (jitter only ever shortens a wait).</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>An attempt unanswered this long counts as failed and is retried.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// In a cluster (PostgreSQL outbox): how often a node that is not a hospital's sender tries to become it, which is
    /// how long a hospital waits for a new sender after its sender's node died (once PostgreSQL has dropped that node's
    /// session), and the longest an idle sender goes without looking at its queue should a wake-up be lost.
    /// </summary>
    public TimeSpan SenderPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The outbox's SQLite file; empty means <c>ehr-outbox.db</c> beside the server's database. Unused in a cluster,
    /// whose outbox is in the shared PostgreSQL database.
    /// </summary>
    public string OutboxPath { get; set; } = "";

    /// <summary>The hospitals with a base URL.</summary>
    public IEnumerable<KeyValuePair<string, EhrHospitalOptions>> Configured => Hospitals.Where(h => h.Value.IsConfigured);

    public EhrHospitalOptions? For(string hospitalId) =>
        Hospitals.TryGetValue(hospitalId, out var hospital) && hospital.IsConfigured ? hospital : null;

    /// <summary>What is wrong with the settings, if anything; checked at start-up so a typo does not surface as lost documents.</summary>
    public IReadOnlyList<string> Validate()
    {
        var errors = new List<string>();
        if (InitialBackoff <= TimeSpan.Zero || MaxBackoff < InitialBackoff)
        {
            errors.Add("Ehr:InitialBackoff must be positive and Ehr:MaxBackoff at least as long.");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            errors.Add("Ehr:RequestTimeout must be positive.");
        }

        if (SenderPollInterval <= TimeSpan.Zero)
        {
            errors.Add("Ehr:SenderPollInterval must be positive.");
        }

        foreach (var (id, hospital) in Configured)
        {
            if (!Uri.TryCreate(hospital.BaseUrl, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps))
            {
                errors.Add($"Ehr:Hospitals:{id}:BaseUrl must be an absolute http(s) URL, not '{hospital.BaseUrl}'.");
            }

            if (!Enum.IsDefined(hospital.Mode))
            {
                errors.Add($"Ehr:Hospitals:{id}:Mode must be Document or Transaction.");
            }
        }

        return errors;
    }
}
