namespace EmergencyLink.Clinical.Scores;

/// <summary>One LVO scale's verdict with its evidence: the total against the published threshold and where it comes from.</summary>
public sealed record LvoScaleResult(LvoScale Scale, int Total, int Maximum, int Threshold, string Source)
{
    public bool SuggestsLvo => Total >= Threshold;

    public string Evidence => SuggestsLvo
        ? $"{Name} {Total}/{Maximum} ≥ {Threshold}: suggests a large vessel occlusion ({Source})"
        : $"{Name} {Total}/{Maximum} < {Threshold}: does not suggest a large vessel occlusion ({Source})";

    private string Name => Scale == LvoScale.Race ? "RACE" : "LAMS";
}
