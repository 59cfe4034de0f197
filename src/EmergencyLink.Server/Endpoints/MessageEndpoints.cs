using System.Security.Claims;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Messaging;
using EmergencyLink.Security;
using EmergencyLink.Server.Api;
using EmergencyLink.Server.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace EmergencyLink.Server.Endpoints;

/// <summary>
/// The conversation of a case between its destination ED, its crew and dispatch. Each speaks for its own side, which
/// the server takes from the token, never from the body; whoever may read the case reads the conversation.
/// </summary>
public static class MessageEndpoints
{
    public static IEndpointRouteBuilder MapMessageEndpoints(this IEndpointRouteBuilder app)
    {
        var messages = app.MapGroup("/api/incidents/{id}/messages").WithTags("Messages");
        messages.MapGet("/", ListAsync);
        messages.MapPost("/", PostAsync);
        return app;
    }

    private static async Task<Results<Ok<IReadOnlyList<CaseMessage>>, ProblemHttpResult>> ListAsync(
        string id, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        return user.MayRead(incident)
            ? TypedResults.Ok(incident.Messages)
            : Problems.Forbidden($"Incident {id} is outside your scope.");
    }

    private static async Task<Results<Created<CaseMessage>, ValidationProblem, ProblemHttpResult>> PostAsync(
        string id, MessageBody? body, ClaimsPrincipal user, IGrainFactory grains)
    {
        var incident = await grains.FindIncidentAsync(id);
        if (incident is null)
        {
            return Problems.NotFound($"Incident {id} does not exist.");
        }

        if (SideOf(user, incident) is not { } side)
        {
            return Problems.Forbidden($"Only the crew of incident {id}, its destination ED or dispatch write its messages.");
        }

        var errors = new ValidationErrors();
        QuickReply? reply = null;
        if (body?.Reply is { } replyName)
        {
            if (Names.TryParse<QuickReply>(replyName, out var parsed))
            {
                reply = parsed;
            }
            else
            {
                errors.Add("reply", $"'{replyName}' is not a quick reply; replies are {Names.List<QuickReply>()}.");
            }
        }

        var message = new NewCaseMessage(side, side == MessageSide.Ed ? incident.HospitalId : null, body?.Text, reply, body?.ReplyTarget);
        foreach (var (field, problem) in CaseMessages.Validate(message))
        {
            // With a reply name that is not a reply, "text is required" would only repeat the reply's error.
            if (!(field == "text" && body?.Reply is not null && reply is null))
            {
                errors.Add(field, problem);
            }
        }

        // A diversion asked for by name must name a hospital the crew can go to, or the crew is sent nowhere.
        if (!errors.Any && reply == QuickReply.DivertTo && await grains.FindHospitalAsync(message.ReplyTarget!.Trim()) is null)
        {
            errors.Add("replyTarget", $"There is no hospital {message.ReplyTarget}.");
        }

        if (errors.Any)
        {
            return Problems.Invalid(errors);
        }

        var result = await grains.GetGrain<IIncidentGrain>(id).PostMessageAsync(message, user.Actor());
        return result.Succeeded
            ? TypedResults.Created($"/api/incidents/{id}/messages", result.Value!)
            : Problems.From(result);
    }

    /// <summary>
    /// The side a user speaks for on this case: its crew, its destination ED, or dispatch (admins included); null for
    /// anyone else, another hospital's ED and another unit's crew among them.
    /// </summary>
    private static MessageSide? SideOf(ClaimsPrincipal user, IncidentSnapshot incident)
    {
        if (user.IsCrewOf(incident.AmbulanceId))
        {
            return MessageSide.Crew;
        }

        if (user.IsEdOf(incident.HospitalId))
        {
            return MessageSide.Ed;
        }

        return user.IsDispatchStaff() ? MessageSide.Dispatch : null;
    }
}
