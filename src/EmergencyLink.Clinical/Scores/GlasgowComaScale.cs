using System.Globalization;

namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// Glasgow Coma Scale. Sources: Teasdale G, Jennett B. Assessment of coma and impaired consciousness: a practical
/// scale. Lancet 1974;2:81–84 (the 6-point motor scale with abnormal flexion is from their 1976 revision); descriptors
/// and the "not testable" convention from Teasdale G et al. The Glasgow Coma Scale at 40 years: standing the test of
/// time. Lancet Neurol 2014;13:844–854.
/// </summary>
/// <remarks>
/// A null component is Not Testable (NT): e.g. verbal in an intubated patient, eye opening with severe facial
/// swelling. Teasdale 2014 records NT and reports no total then, because a sum that silently lacks a component would
/// read as a deeper coma than the patient has; <see cref="Total"/> is therefore null when any component is NT, while
/// <see cref="Notation"/> still carries every component that was assessed.
/// </remarks>
public sealed record GlasgowComaScale
{
    public GlasgowComaScale(int? eye, int? verbal, int? motor)
    {
        Eye = Require(eye, 4, nameof(eye), "eye opening");
        Verbal = Require(verbal, 5, nameof(verbal), "verbal response");
        Motor = Require(motor, 6, nameof(motor), "motor response");
    }

    /// <summary>1 none, 2 to pressure, 3 to sound, 4 spontaneous; null = not testable.</summary>
    public int? Eye { get; }

    /// <summary>1 none, 2 sounds, 3 words, 4 confused, 5 oriented; null = not testable (e.g. intubated).</summary>
    public int? Verbal { get; }

    /// <summary>1 none, 2 extension, 3 abnormal flexion, 4 normal flexion, 5 localising, 6 obeys commands; null = not testable.</summary>
    public int? Motor { get; }

    public bool IsFullyTestable => Eye is not null && Verbal is not null && Motor is not null;

    /// <summary>3–15, or null when a component is not testable.</summary>
    public int? Total => IsFullyTestable ? Eye + Verbal + Motor : null;

    /// <summary>The conventional component notation, e.g. "E3V4M6"; "NT" for a component not testable ("E3VNTM6").</summary>
    public string Notation => $"E{Part(Eye)}V{Part(Verbal)}M{Part(Motor)}";

    public string Summary => Total is { } total
        ? $"GCS {total} ({Notation})"
        : $"GCS not totalled: {string.Join(", ", NotTestable())} not testable ({Notation})";

    public static string DescribeEye(int score) => score switch
    {
        4 => "spontaneous",
        3 => "to sound",
        2 => "to pressure",
        1 => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "Eye opening is scored 1–4."),
    };

    public static string DescribeVerbal(int score) => score switch
    {
        5 => "oriented",
        4 => "confused",
        3 => "words",
        2 => "sounds",
        1 => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "Verbal response is scored 1–5."),
    };

    public static string DescribeMotor(int score) => score switch
    {
        6 => "obeys commands",
        5 => "localising",
        4 => "normal flexion",
        3 => "abnormal flexion",
        2 => "extension",
        1 => "none",
        _ => throw new ArgumentOutOfRangeException(nameof(score), score, "Motor response is scored 1–6."),
    };

    private IEnumerable<string> NotTestable()
    {
        if (Eye is null)
        {
            yield return "eye";
        }

        if (Verbal is null)
        {
            yield return "verbal";
        }

        if (Motor is null)
        {
            yield return "motor";
        }
    }

    private static string Part(int? score) => score?.ToString(CultureInfo.InvariantCulture) ?? "NT";

    private static int? Require(int? score, int maximum, string name, string component)
    {
        if (score is { } s && (s < 1 || s > maximum))
        {
            throw new ArgumentOutOfRangeException(name, s,
                $"GCS {component} is scored 1–{maximum} (null when not testable); {s} is not a GCS score.");
        }

        return score;
    }
}
