namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// RACE scale as entered by the crew. Source: Pérez de la Ossa N, Carrera D, Gorchs M, et al. Design and validation of
/// a prehospital stroke scale to predict large arterial occlusion: the Rapid Arterial Occlusion Evaluation scale.
/// Stroke 2014;45:87–91. Total 0–9; ≥ 5 had sensitivity 0.85 and specificity 0.68 for large vessel occlusion in the
/// prospective field validation.
/// </summary>
public sealed record RaceScore
{
    /// <summary>Published cut-off for suspecting a large vessel occlusion.</summary>
    public const int LvoThreshold = 5;

    public const int Maximum = 9;

    /// <param name="facialPalsy">0 absent, 1 mild, 2 moderate to severe.</param>
    /// <param name="armMotor">0 normal to mild, 1 moderate, 2 severe.</param>
    /// <param name="legMotor">0 normal to mild, 1 moderate, 2 severe.</param>
    /// <param name="headAndGazeDeviation">0 absent, 1 present.</param>
    /// <param name="hemiparesis">Decides whether <paramref name="aphasiaOrAgnosia"/> is aphasia (right) or agnosia (left).</param>
    /// <param name="aphasiaOrAgnosia">0–2: aphasia with a right hemiparesis (tasks "close your eyes", "make a fist":
    /// 0 both, 1 one, 2 neither performed), agnosia with a left one (0 recognises both arm and impairment, 1 one,
    /// 2 neither). Must be 0 without a hemiparesis, since neither item is tested then.</param>
    public RaceScore(int facialPalsy, int armMotor, int legMotor, int headAndGazeDeviation,
        HemiparesisSide hemiparesis, int aphasiaOrAgnosia)
    {
        FacialPalsy = Require(facialPalsy, 2, nameof(facialPalsy));
        ArmMotor = Require(armMotor, 2, nameof(armMotor));
        LegMotor = Require(legMotor, 2, nameof(legMotor));
        HeadAndGazeDeviation = Require(headAndGazeDeviation, 1, nameof(headAndGazeDeviation));
        if (!Enum.IsDefined(hemiparesis))
        {
            throw new ArgumentOutOfRangeException(nameof(hemiparesis), hemiparesis, "Not a hemiparesis side.");
        }

        Hemiparesis = hemiparesis;
        AphasiaOrAgnosia = Require(aphasiaOrAgnosia, 2, nameof(aphasiaOrAgnosia));
        if (hemiparesis == HemiparesisSide.None && aphasiaOrAgnosia != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(aphasiaOrAgnosia), aphasiaOrAgnosia,
                "RACE tests aphasia with a right and agnosia with a left hemiparesis; without one it is not scored.");
        }
    }

    public int FacialPalsy { get; }

    public int ArmMotor { get; }

    public int LegMotor { get; }

    public int HeadAndGazeDeviation { get; }

    public HemiparesisSide Hemiparesis { get; }

    public int AphasiaOrAgnosia { get; }

    public int Total => FacialPalsy + ArmMotor + LegMotor + HeadAndGazeDeviation + AphasiaOrAgnosia;

    public LvoScaleResult Evaluate() => new(LvoScale.Race, Total, Maximum, LvoThreshold,
        "Pérez de la Ossa et al., Stroke 2014;45:87–91: RACE ≥ 5, sensitivity 0.85, specificity 0.68");

    private static int Require(int score, int maximum, string name) =>
        score < 0 || score > maximum
            ? throw new ArgumentOutOfRangeException(name, score, $"RACE item {name} is scored 0–{maximum}.")
            : score;
}
