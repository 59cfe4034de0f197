using System.Globalization;
using EmergencyLink.Clinical.St;

namespace EmergencyLink.Clinical.Analysis;

/// <summary>
/// Sex and age of the patient as a record's header comments give them; either may be missing. The STEMI thresholds for
/// V2-V3 depend on both.
/// </summary>
public sealed record PatientDetails(PatientSex Sex, int? AgeYears)
{
    public static PatientDetails Unknown { get; } = new(PatientSex.Unknown, null);

    /// <summary>
    /// Reads "Age: 78" / "Sex: Male" (PhysioNet/CinC 2021), "age: 81" / "sex: female" (PTB), and the MIT-BIH first
    /// comment line "69 M 1085 1629 x1" (age, sex, then other fields). Values that are absent, "Unknown", "NaN" or an
    /// impossible age (outside 0-130 years) stay unknown rather than guessed.
    /// </summary>
    public static PatientDetails FromHeaderComments(IReadOnlyList<string> comments)
    {
        ArgumentNullException.ThrowIfNull(comments);
        var sex = PatientSex.Unknown;
        int? age = null;
        foreach (var comment in comments)
        {
            var colon = comment.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                var key = comment[..colon].Trim();
                var value = comment[(colon + 1)..].Trim();
                if (key.Equals("age", StringComparison.OrdinalIgnoreCase))
                {
                    age ??= ParseAge(value);
                }
                else if (key.Equals("sex", StringComparison.OrdinalIgnoreCase)
                         || key.Equals("gender", StringComparison.OrdinalIgnoreCase))
                {
                    sex = sex == PatientSex.Unknown ? ParseSex(value) : sex;
                }
            }
        }

        if (sex == PatientSex.Unknown && age is null)
        {
            // MIT-BIH style: "<age> <sex> ..." on a comment line of its own (not always the first one).
            foreach (var comment in comments)
            {
                var tokens = comment.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
                if (tokens.Length >= 2 && ParseAge(tokens[0]) is { } mitAge && ParseSex(tokens[1]) is var mitSex and not PatientSex.Unknown)
                {
                    return new PatientDetails(mitSex, mitAge);
                }
            }
        }

        return new PatientDetails(sex, age);
    }

    private static int? ParseAge(string text) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var years) && years <= 130 ? years : null;

    private static PatientSex ParseSex(string text) => text.Trim().ToUpperInvariant() switch
    {
        "M" or "MALE" => PatientSex.Male,
        "F" or "FEMALE" => PatientSex.Female,
        _ => PatientSex.Unknown,
    };
}
