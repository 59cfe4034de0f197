namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// Named synthetic patients for the vehicle simulator (<c>--patient stemi-inferior</c>) and for tests, each binding an
/// ECG and vitals that belong together.
/// </summary>
public static class SyntheticScenarios
{
    public const string Stable = "stable";
    public const string StemiInferior = "stemi-inferior";
    public const string StemiAnterior = "stemi-anterior";
    public const string StemiLateral = "stemi-lateral";
    public const string AfRvr = "af-rvr";
    public const string Sepsis = "sepsis";
    public const string Stroke = "stroke";
    public const string Bradycardia = "bradycardia";
    public const string AsthmaImproving = "asthma-improving";

    private static readonly Dictionary<string, Func<SyntheticEcgOptions, SyntheticVitalsOptions, (SyntheticEcgOptions, SyntheticVitalsOptions)>> Presets =
        new(StringComparer.OrdinalIgnoreCase)
        {
            [Stable] = (e, v) => (e, v with { Start = VitalsState.Normal }),

            // Inferior STEMI (RCA): vagal slowing and softer pressure are common; 2.5 mm in III.
            [StemiInferior] = (e, v) => (
                e with { StElevation = new StElevation(Territory.Inferior, 0.25) },
                v with { Start = new VitalsState(58, 95, 104, 66, 18, 35, 36.7) }),

            // Anterior STEMI (LAD): sympathetic drive, 3.5 mm in V2–V3.
            [StemiAnterior] = (e, v) => (
                e with { StElevation = new StElevation(Territory.Anterior, 0.35) },
                v with { Start = new VitalsState(98, 94, 136, 86, 20, 34, 36.8) }),
            [StemiLateral] = (e, v) => (
                e with { StElevation = new StElevation(Territory.Lateral, 0.2) },
                v with { Start = new VitalsState(86, 96, 128, 80, 18, 36, 36.8) }),

            // AF with rapid ventricular response: rate above 110, pressure on the soft side.
            [AfRvr] = (e, v) => (
                e with { Rhythm = SyntheticRhythm.AtrialFibrillation },
                v with { Start = new VitalsState(142, 95, 106, 70, 22, 33, 36.9) }),

            // Sepsis: febrile sinus tachycardia sliding towards septic shock over the transport.
            [Sepsis] = (e, v) => (
                e with { HeartRateVariabilityMs = 15 },
                v with { Trajectory = VitalsTrajectory.Deteriorating, Start = new VitalsState(106, 94, 106, 64, 22, 32, 38.5), Target = VitalsState.SepticShock }),

            // Stroke: sinus rhythm with the hypertension typical of the acute phase.
            [Stroke] = (e, v) => (e, v with { Start = new VitalsState(84, 96, 192, 104, 16, 38, 36.9) }),

            // Symptomatic sinus bradycardia with low pressure.
            [Bradycardia] = (e, v) => (
                e with { HeartRateVariabilityMs = 20 },
                v with { Start = new VitalsState(38, 95, 88, 52, 16, 37, 36.6) }),

            // Acute asthma responding to bronchodilators and oxygen: tachypnoea, tachycardia and hypoxaemia settling.
            // Little HRV: a beta-agonist tachycardia at 120/min leaves little vagal tone, and respiratory sinus
            // arrhythmia fades as breathing quickens (Hirsch & Bishop, Am J Physiol 1981;241:H620); 20 ms of sinus
            // arrhythmia at 30 breaths/min swings the RR every other beat, which no such patient shows.
            [AsthmaImproving] = (e, v) => (
                e with { HeartRateVariabilityMs = 8 },
                v with { Trajectory = VitalsTrajectory.Improving, Start = new VitalsState(122, 89, 138, 84, 30, 46, 37.2), Target = VitalsState.Normal }),
        };

    /// <summary>The scenario names <see cref="Create"/> accepts (case-insensitive).</summary>
    public static IReadOnlyList<string> Names { get; } =
        [Stable, StemiInferior, StemiAnterior, StemiLateral, AfRvr, Sepsis, Stroke, Bradycardia, AsthmaImproving];

    /// <summary>
    /// The named patient. With <paramref name="noise"/> the ECG carries light baseline wander and muscle noise (a
    /// moving ambulance); without, the ECG is exact (flat PR and ST segments) for measurement tests.
    /// </summary>
    public static SyntheticPatient Create(string name, int seed, double samplingRateHz, bool noise = true)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (!Presets.TryGetValue(name, out var preset))
        {
            throw new ArgumentException($"Unknown patient '{name}'; known: {string.Join(", ", Names)}.", nameof(name));
        }

        var ecg = new SyntheticEcgOptions
        {
            SamplingRateHz = samplingRateHz,
            Seed = seed,
            BaselineWanderMillivolts = noise ? 0.08 : 0,
            MuscleNoiseMillivolts = noise ? 0.015 : 0,
        };
        var vitals = new SyntheticVitalsOptions { Seed = unchecked(seed + 1), NoiseScale = noise ? 1 : 0 };
        var (e, v) = preset(ecg, vitals);
        return new SyntheticPatient(name.ToLowerInvariant(), e, v);
    }
}
