namespace EmergencyLink.Clinical.St;

/// <summary>
/// The ECG criteria for STEMI of the Fourth Universal Definition of Myocardial Infarction (Thygesen K et al.,
/// Circulation 2018;138:e618-e651 / Eur Heart J 2019;40:237-269, section "ECG manifestations of acute myocardial
/// ischaemia"): new ST elevation at the J point in two contiguous leads of at least 1 mm (0.1 mV) in every lead other
/// than V2-V3, and in V2-V3 at least 2 mm in men aged 40 or over, 2.5 mm in men under 40, 1.5 mm in women of any age.
/// The values compared are the J-point values of <see cref="StAnalyzer"/> (<see cref="LeadSt.JPointMillivolts"/>), as
/// the definition says. The thresholds were set for the J point: 60 ms later the ST segment of a healthy young man is
/// already rising into an upright T wave, and on real normal records (CinC 2021 HR06002, HR06004, HR06007, men under
/// 40) V3 read 0.19-0.33 mV at J+60 ms against 0.05-0.19 mV at J, i.e. J+60 ms raised STEMI on three normal ECGs.
/// ST at J+60 ms is still measured and reported beside the J value in the evidence (issue 5 asks for it, and it is the
/// steadier number for following one patient's ST over time). A lead without a J value (no clear end of QRS) or
/// marked noisy (at J+60 ms or at the J point) does not count, and when more than a quarter of the leads are noisy at
/// the J point the criteria are not applied. A threshold is met at or above its value.
/// </summary>
public static class StemiCriteria
{
    /// <summary>aVR inverted, the lead the Cabrera sequence places between I and II (at +30 degrees).</summary>
    public const string InvertedAvr = "-aVR";

    public const double ElevationThresholdMillivolts = 1 * ClinicalUnits.MillivoltsPerMillimetre;

    /// <summary>
    /// ST depression of 0.5 mm, the Fourth Universal Definition's threshold for new horizontal or downsloping ST
    /// depression, counts as reciprocal depression opposite a met territory.
    /// </summary>
    public const double ReciprocalDepressionMillivolts = -0.5 * ClinicalUnits.MillivoltsPerMillimetre;

    private static readonly string[] Inferior = ["II", "III", "aVF"];
    private static readonly string[] Lateral = ["I", "aVL", "V5", "V6"];
    private static readonly string[] SeptalAnterior = ["V1", "V2", "V3", "V4"];
    private static readonly string[] Precordial = ["V1", "V2", "V3", "V4", "V5", "V6"];
    private static readonly string[] Cabrera = ["aVL", "I", InvertedAvr, "II", "aVF", "III"];

    private static readonly IReadOnlyList<(string First, string Second)> Pairs = BuildPairs();

    /// <summary>
    /// Every unordered pair of contiguous leads. Two leads are contiguous when (a) both belong to one anatomical group:
    /// inferior II, III, aVF; lateral I, aVL, V5, V6; septal/anterior V1-V4 (the Universal Definition's lead groups,
    /// with the lateral group joined by V5-V6); or (b) they are neighbours in the precordial sequence V1..V6, which
    /// adds V4-V5; or (c) they are neighbours in the Cabrera sequence of the limb leads aVL, I, -aVR, II, aVF, III
    /// (Lindow T et al., BMC Cardiovasc Disord 2019;19:13), which adds I with -aVR and -aVR with II. aVR itself is
    /// contiguous with no lead, so ST elevation in aVR alone never meets the criteria.
    /// </summary>
    public static IReadOnlyList<(string First, string Second)> ContiguousPairs => Pairs;

    public static bool AreContiguous(string first, string second)
    {
        var a = Canonical(first);
        var b = Canonical(second);
        return Pairs.Any(p => (p.First == a && p.Second == b) || (p.First == b && p.Second == a));
    }

    /// <summary>
    /// The V2-V3 threshold for this patient. When sex is unknown, or the patient is a man of unknown age, the men-from-40
    /// value of 2 mm is used (issue 5): men from 40 are the largest group of STEMI patients, and 2 mm lies between the
    /// women's 1.5 mm and the young men's 2.5 mm, so the error either way is at most half a millimetre.
    /// <see cref="IsV2V3ThresholdAssumed"/> tells when this default was used, so the alert can say so and a clinician
    /// who knows the patient can re-read V2-V3.
    /// </summary>
    public static double V2V3ThresholdMillivolts(PatientSex sex, int? ageYears)
    {
        CheckAge(ageYears);
        return sex switch
        {
            PatientSex.Male when ageYears < 40 => 2.5 * ClinicalUnits.MillivoltsPerMillimetre,
            PatientSex.Female => 1.5 * ClinicalUnits.MillivoltsPerMillimetre,
            _ => 2.0 * ClinicalUnits.MillivoltsPerMillimetre,
        };
    }

    /// <summary>True when the V2-V3 threshold is the default for missing sex or age rather than the patient's own.</summary>
    public static bool IsV2V3ThresholdAssumed(PatientSex sex, int? ageYears) =>
        sex == PatientSex.Unknown || (sex == PatientSex.Male && ageYears is null);

    /// <summary>The ST-elevation threshold of a lead (standard name in any case, or "-aVR").</summary>
    public static double ThresholdMillivolts(string lead, PatientSex sex, int? ageYears) =>
        Canonical(lead) is "V2" or "V3" ? V2V3ThresholdMillivolts(sex, ageYears) : ElevationThresholdMillivolts;

    public static StemiAssessment Assess(StMeasurement measurement, PatientSex sex, int? ageYears)
    {
        ArgumentNullException.ThrowIfNull(measurement);
        var v2v3 = V2V3ThresholdMillivolts(sex, ageYears);
        var assumed = IsV2V3ThresholdAssumed(sex, ageYears);
        if (!measurement.IsReliable)
        {
            return new StemiAssessment(false, false, StemiTerritory.None, [], [], [], sex, ageYears, v2v3,
                measurement.Quality, assumed);
        }

        // ST at the J point (compared) and at J+60 ms (reported) per criteria lead, leaving out noisy leads and leads
        // whose J point could not be placed.
        var values = new Dictionary<string, (double J, double J60)>(StringComparer.Ordinal);
        var standardLeads = 0;
        var noisyAtJ = 0;
        var withJ = 0;
        foreach (var lead in measurement.Leads)
        {
            if (!StandardLeads.TryParse(lead.Lead, out var standard))
            {
                continue;
            }

            standardLeads++;
            withJ += lead.JPointMillivolts.HasValue ? 1 : 0;
            noisyAtJ += lead.IsJPointNoisy ? 1 : 0;
            if (lead.IsNoisy || lead.IsJPointNoisy || lead.JPointMillivolts is not { } j)
            {
                continue;
            }

            var name = StandardLeads.Name(standard);
            values[name] = (j, lead.StMillivolts);
            if (standard == StandardLead.AVR)
            {
                values[InvertedAvr] = (-j, -lead.StMillivolts);
            }
        }

        if (standardLeads > 0 && withJ == 0)
        {
            return new StemiAssessment(false, false, StemiTerritory.None, [], [], [], sex, ageYears, v2v3,
                measurement.Quality, assumed, NoJPoint: true);
        }

        // The measurer's rule for a window (StQuality.Noisy): when more than a quarter of the leads are too noisy to
        // read, the others are not trusted either, here for the J point.
        if (noisyAtJ * 4 > standardLeads)
        {
            return new StemiAssessment(false, false, StemiTerritory.None, [], [], [], sex, ageYears, v2v3,
                measurement.Quality, assumed, JPointNoisy: true);
        }

        var elevated = new List<LeadThresholdEvidence>();
        foreach (var name in StandardLeads.All.Append(InvertedAvr))
        {
            if (values.TryGetValue(name, out var st))
            {
                var threshold = ThresholdMillivolts(name, sex, ageYears);
                if (st.J >= threshold)
                {
                    elevated.Add(new LeadThresholdEvidence(name, st.J, st.J60, threshold));
                }
            }
        }

        var met = elevated.Select(e => e.Lead).ToHashSet(StringComparer.Ordinal);
        var pairs = new List<ContiguousLeadPair>();
        var territories = StemiTerritory.None;
        foreach (var (first, second) in Pairs)
        {
            if (met.Contains(first) && met.Contains(second))
            {
                var territory = TerritoryOf(first) | TerritoryOf(second);
                pairs.Add(new ContiguousLeadPair(first, second, territory));
                territories |= territory;
            }
        }

        var reciprocal = new List<LeadThresholdEvidence>();
        foreach (var name in ReciprocalLeads(territories))
        {
            if (values.TryGetValue(name, out var st) && st.J <= ReciprocalDepressionMillivolts)
            {
                reciprocal.Add(new LeadThresholdEvidence(name, st.J, st.J60, ReciprocalDepressionMillivolts));
            }
        }

        return new StemiAssessment(pairs.Count > 0, true, territories, elevated, pairs, reciprocal, sex, ageYears, v2v3,
            measurement.Quality, assumed);
    }

    /// <summary>The leads facing a territory from the opposite side, where its injury current shows as depression.</summary>
    private static IEnumerable<string> ReciprocalLeads(StemiTerritory territories)
    {
        var leads = new List<string>();
        if (territories.HasFlag(StemiTerritory.Inferior))
        {
            leads.AddRange(["I", "aVL"]);
        }

        if ((territories & (StemiTerritory.Lateral | StemiTerritory.Anterior | StemiTerritory.Septal)) != 0)
        {
            leads.AddRange(Inferior);
        }

        return StandardLeads.All.Where(leads.Contains);
    }

    private static StemiTerritory TerritoryOf(string lead) => lead switch
    {
        "II" or "III" or "aVF" => StemiTerritory.Inferior,
        "I" or "aVL" or "V5" or "V6" => StemiTerritory.Lateral,
        "V1" or "V2" => StemiTerritory.Septal,
        "V3" or "V4" => StemiTerritory.Anterior,
        _ => StemiTerritory.None,
    };

    private static IReadOnlyList<(string First, string Second)> BuildPairs()
    {
        var pairs = new List<(string, string)>();
        void Add(string a, string b)
        {
            if (!pairs.Contains((a, b)) && !pairs.Contains((b, a)))
            {
                pairs.Add((a, b));
            }
        }

        foreach (var group in new[] { Inferior, Lateral, SeptalAnterior })
        {
            for (var i = 0; i < group.Length; i++)
            {
                for (var j = i + 1; j < group.Length; j++)
                {
                    Add(group[i], group[j]);
                }
            }
        }

        foreach (var sequence in new[] { Precordial, Cabrera })
        {
            for (var i = 0; i + 1 < sequence.Length; i++)
            {
                Add(sequence[i], sequence[i + 1]);
            }
        }

        return pairs;
    }

    private static string Canonical(string lead) =>
        string.Equals(lead.Trim(), InvertedAvr, StringComparison.OrdinalIgnoreCase) ? InvertedAvr : StandardLeads.Canonical(lead);

    private static void CheckAge(int? ageYears)
    {
        if (ageYears is < 0 or > 130)
        {
            throw new ArgumentOutOfRangeException(nameof(ageYears), ageYears, "Age must be 0-130 years.");
        }
    }
}
