using System.Security.Claims;
using EmergencyLink.Clinical.Live;
using EmergencyLink.Clinical.Scores;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Alerts;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// Scales the crew enters at the patient's side. Each is stamped on the timeline with its findings and raises the
/// alerts it implies; only the case's own crew (or an admin) enters them.
/// </summary>
public static class AssessmentEndpoints
{
    public static IEndpointRouteBuilder MapAssessmentEndpoints(this IEndpointRouteBuilder app)
    {
        var assessments = app.MapGroup("/api/incidents/{id}/assessments").WithTags("Assessments");
        assessments.MapPost("/stroke", StrokeAsync);
        assessments.MapPost("/trauma", TraumaAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseAlert>>, ValidationProblem, ProblemHttpResult>> StrokeAsync(
        string id, StrokeAssessmentBody? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (body?.BeFast is null)
        {
            return Problems.BadRequest("A JSON body with beFast (and optionally race and/or lams) is required.");
        }

        var errors = new ValidationErrors();
        RaceScore? race = null;
        LamsScore? lams = null;
        if (body.Race is { } r)
        {
            if (!Names.TryParse<HemiparesisSide>(r.Hemiparesis ?? nameof(HemiparesisSide.None), out var side))
            {
                errors.Add("race.hemiparesis", $"'{r.Hemiparesis}' is not a side; sides are {Names.List<HemiparesisSide>()}.");
            }
            else
            {
                race = Scale(errors, "race", () => new RaceScore(r.FacialPalsy, r.ArmMotor, r.LegMotor, r.HeadAndGazeDeviation, side, r.AphasiaOrAgnosia));
            }
        }

        if (body.Lams is { } l)
        {
            lams = Scale(errors, "lams", () => new LamsScore(l.FacialDroop, l.ArmDrift, l.GripStrength));
        }

        var now = time.GetUtcNow();
        if (body.BeFast.LastKnownWell is { } known && known > now)
        {
            errors.Add("beFast.lastKnownWell", "lastKnownWell is in the future.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await CrewRefusalAsync(id, user, grains) is { } refusal)
        {
            return refusal;
        }

        var b = body.BeFast;
        var assessment = new StrokeAssessment(new BeFastFindings(b.Balance, b.Eyes, b.Face, b.Arm, b.Speech, b.LastKnownWell), race, lams);
        var (summary, alerts) = StrokeAlerts.Evaluate(assessment, now);
        var result = await grains.GetGrain<IIncidentGrain>(id)
            .RecordAssessmentAsync(AssessmentEntries.Stroke(assessment, summary, now), alerts, user.Actor());
        return result.Succeeded ? TypedResults.Ok(result.Value!) : Problems.From(result);
    }

    private static async Task<Results<Ok<TraumaAssessmentAnswer>, ValidationProblem, ProblemHttpResult>> TraumaAsync(
        string id, TraumaAssessmentBody? body, ClaimsPrincipal user, IGrainFactory grains, TimeProvider time)
    {
        if (body is null)
        {
            return Problems.BadRequest("A JSON body with the trauma findings is required.");
        }

        var errors = new ValidationErrors();
        var gcs = body.Gcs is { } g ? Scale(errors, "gcs", () => new GlasgowComaScale(g.Eye, g.Verbal, g.Motor)) : null;
        Range(errors, "ageYears", body.AgeYears, 0, 130);
        Range(errors, "pregnancyWeeks", body.PregnancyWeeks, 0, 45);
        Range(errors, "respiratoryRate", body.RespiratoryRate, 0, 200);
        Range(errors, "oxygenSaturation", body.OxygenSaturation, 0, 100);
        Range(errors, "systolicBloodPressure", body.SystolicBloodPressure, 0, 400);
        Range(errors, "heartRate", body.HeartRate, 0, 400);
        Range(errors, "occupantSiteIntrusionCentimetres", body.OccupantSiteIntrusionCentimetres, 0, 1000);
        Range(errors, "anySiteIntrusionCentimetres", body.AnySiteIntrusionCentimetres, 0, 1000);
        Range(errors, "fallHeightMetres", body.FallHeightMetres, 0, 10_000);
        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        if (await CrewRefusalAsync(id, user, grains) is { } refusal)
        {
            return refusal;
        }

        var b = body;
        var evaluation = TraumaAlerts.Evaluate(new TraumaAssessment
        {
            AgeYears = b.AgeYears,
            PenetratingInjuryToHeadNeckTorsoOrProximalExtremity = b.PenetratingInjuryToHeadNeckTorsoOrProximalExtremity,
            SkullDeformityOrSuspectedSkullFracture = b.SkullDeformityOrSuspectedSkullFracture,
            SuspectedSpinalInjuryWithNewMotorOrSensoryLoss = b.SuspectedSpinalInjuryWithNewMotorOrSensoryLoss,
            ChestWallInstabilityDeformityOrSuspectedFlailChest = b.ChestWallInstabilityDeformityOrSuspectedFlailChest,
            SuspectedPelvicFracture = b.SuspectedPelvicFracture,
            SuspectedFractureOfTwoOrMoreProximalLongBones = b.SuspectedFractureOfTwoOrMoreProximalLongBones,
            CrushedDeglovedMangledOrPulselessExtremity = b.CrushedDeglovedMangledOrPulselessExtremity,
            AmputationProximalToWristOrAnkle = b.AmputationProximalToWristOrAnkle,
            ActiveBleedingRequiringTourniquetOrWoundPacking = b.ActiveBleedingRequiringTourniquetOrWoundPacking,
            Gcs = gcs,
            RespiratoryRate = b.RespiratoryRate,
            RespiratoryDistressOrNeedForRespiratorySupport = b.RespiratoryDistressOrNeedForRespiratorySupport,
            OxygenSaturation = b.OxygenSaturation,
            OnSupplementalOxygen = b.OnSupplementalOxygen,
            SystolicBloodPressure = b.SystolicBloodPressure,
            HeartRate = b.HeartRate,
            PartialOrCompleteEjection = b.PartialOrCompleteEjection,
            OccupantSiteIntrusionCentimetres = b.OccupantSiteIntrusionCentimetres,
            AnySiteIntrusionCentimetres = b.AnySiteIntrusionCentimetres,
            NeedForExtricationOfEntrappedPatient = b.NeedForExtricationOfEntrappedPatient,
            DeathInPassengerCompartment = b.DeathInPassengerCompartment,
            UnrestrainedOrInUnsecuredChildSafetySeat = b.UnrestrainedOrInUnsecuredChildSafetySeat,
            VehicleTelemetryConsistentWithSevereInjury = b.VehicleTelemetryConsistentWithSevereInjury,
            RiderSeparatedWithSignificantImpact = b.RiderSeparatedWithSignificantImpact,
            PedestrianOrCyclistThrownRunOverOrWithSignificantImpact = b.PedestrianOrCyclistThrownRunOverOrWithSignificantImpact,
            FallHeightMetres = b.FallHeightMetres,
            LowLevelFallWithSignificantHeadImpact = b.LowLevelFallWithSignificantHeadImpact,
            AnticoagulantUse = b.AnticoagulantUse,
            SuspectedChildAbuse = b.SuspectedChildAbuse,
            SpecialHighResourceHealthcareNeeds = b.SpecialHighResourceHealthcareNeeds,
            PregnancyWeeks = b.PregnancyWeeks,
            BurnsInConjunctionWithTrauma = b.BurnsInConjunctionWithTrauma,
            CrewConcerned = b.CrewConcerned,
        }, time.GetUtcNow());
        var result = await grains.GetGrain<IIncidentGrain>(id)
            .RecordAssessmentAsync(AssessmentEntries.Trauma(evaluation.Triage, evaluation.Summary, time.GetUtcNow()), evaluation.Alerts, user.Actor());
        if (!result.Succeeded)
        {
            return Problems.From(result);
        }

        var t = evaluation.Triage;
        return TypedResults.Ok(new TraumaAssessmentAnswer(t.Level, t.Recommendation, t.CriteriaMet, t.NotAssessed, t.Advice, result.Value!));
    }

    /// <summary>Assessments are entered at the patient's side: only the case's own crew (or an admin) may.</summary>
    private static async Task<ProblemHttpResult?> CrewRefusalAsync(string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        return !user.IsInRole(Roles.Admin) && !user.IsCrewOf(incident.AmbulanceId)
            ? Problems.Forbidden($"Only the crew of incident {id} enters its assessments.")
            : null;
    }

    private static void Range(ValidationErrors errors, string field, double? value, double min, double max)
    {
        if (value is { } v && (!double.IsFinite(v) || v < min || v > max))
        {
            errors.Add(field, $"{field} must be between {min} and {max} (leave it out when not measured).");
        }
    }

    /// <summary>The scales check their own item ranges; their refusal becomes the client's validation error.</summary>
    private static T? Scale<T>(ValidationErrors errors, string field, Func<T> create)
        where T : class
    {
        try
        {
            return create();
        }
        catch (ArgumentOutOfRangeException ex)
        {
            errors.Add(field + "." + ex.ParamName, ex.Message.Split(" (Parameter")[0]);
            return null;
        }
    }
}
