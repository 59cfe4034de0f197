namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// Los Angeles Motor Scale as entered by the crew, on the weaker side. Scale: Llanes JN et al. Prehosp Emerg Care
/// 2004;8:46–50. LVO threshold: Nazliel B, Starkman S, Liebeskind DS, et al. A brief prehospital stroke severity scale
/// identifies ischemic stroke patients harboring persisting large arterial occlusions. Stroke 2008;39:2264–2267 —
/// LAMS ≥ 4 had sensitivity 0.81 and specificity 0.89.
/// </summary>
public sealed record LamsScore
{
    public const int LvoThreshold = 4;

    public const int Maximum = 5;

    /// <param name="facialDroop">0 absent, 1 present.</param>
    /// <param name="armDrift">0 absent, 1 drifts down, 2 falls rapidly.</param>
    /// <param name="gripStrength">0 normal, 1 weak grip, 2 no grip.</param>
    public LamsScore(int facialDroop, int armDrift, int gripStrength)
    {
        FacialDroop = Require(facialDroop, 1, nameof(facialDroop));
        ArmDrift = Require(armDrift, 2, nameof(armDrift));
        GripStrength = Require(gripStrength, 2, nameof(gripStrength));
    }

    public int FacialDroop { get; }

    public int ArmDrift { get; }

    public int GripStrength { get; }

    public int Total => FacialDroop + ArmDrift + GripStrength;

    public LvoScaleResult Evaluate() => new(LvoScale.Lams, Total, Maximum, LvoThreshold,
        "Nazliel et al., Stroke 2008;39:2264–2267: LAMS ≥ 4, sensitivity 0.81, specificity 0.89");

    private static int Require(int score, int maximum, string name) =>
        score < 0 || score > maximum
            ? throw new ArgumentOutOfRangeException(name, score, $"LAMS item {name} is scored 0–{maximum}.")
            : score;
}
