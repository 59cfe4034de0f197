namespace EmergencyLink.Handover;

/// <summary>One validation finding: severity (fatal, error, warning, information), where in the document, and what.</summary>
public sealed record HandoverIssue(string Severity, string Location, string Message)
{
    public override string ToString() => $"{Severity} at {Location}: {Message}";
}
