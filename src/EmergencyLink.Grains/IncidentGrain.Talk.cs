using EmergencyLink.Contracts;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Messaging;
using Microsoft.Extensions.Logging;

namespace EmergencyLink.Grains;

/// <summary>
/// Talking across the link: messages between the ED, the crew and dispatch, and the ED's tele-guidance marks on the
/// crew's video (<see cref="CaseMessages"/> and <see cref="TeleGuidance"/> have the rules). Both are committed before they
/// are pushed, like every step of the case, so what a screen showed is what the record holds.
/// </summary>
public sealed partial class IncidentGrain
{
    /// <summary>The committed marks, copied at each commit (like the snapshot) so an interleaved read never sees a mark in flight.</summary>
    private IReadOnlyList<GuidanceMark>? committedGuidance;

    public async Task<CommandResult<CaseMessage>> PostMessageAsync(NewCaseMessage message, string actor)
    {
        if (!state.State.Exists)
        {
            return CommandResult<CaseMessage>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        var outcome = CaseMessages.Post(state.State, message, actor, time.GetUtcNow());
        if (!outcome.Accepted)
        {
            return outcome.Conflict ? CommandResult<CaseMessage>.Conflict(outcome.Error!) : CommandResult<CaseMessage>.Invalid(outcome.Error!);
        }

        await CommitAsync();
        await PushAsync(() => live.CaseMessageAsync(committed!, outcome.Message!), "message");
        await PublishAsync(state.State.HospitalId);
        return CommandResult<CaseMessage>.Created(outcome.Message!);
    }

    public async Task<CommandResult<GuidanceMark>> MarkGuidanceAsync(NewGuidanceMark mark, string? hospitalId, string actor)
    {
        if (!state.State.Exists)
        {
            return CommandResult<GuidanceMark>.NotFound($"Incident {this.GetPrimaryKeyString()} does not exist.");
        }

        var outcome = TeleGuidance.Mark(state.State, mark, actor, hospitalId, time.GetUtcNow());
        if (!outcome.Accepted)
        {
            return outcome.Conflict ? CommandResult<GuidanceMark>.Conflict(outcome.Error!) : CommandResult<GuidanceMark>.Invalid(outcome.Error!);
        }

        await CommitAsync();

        // The crew's screen waits for this push, so it goes first; the case's indexes and viewers only need to hear of a
        // mark that changed the timeline, not of every stroke of a drawing.
        await PushAsync(() => live.GuidanceMarkedAsync(committed!, outcome.Mark!), "guidance mark");
        if (outcome.OnTimeline)
        {
            await PublishAsync(state.State.HospitalId);
        }

        return CommandResult<GuidanceMark>.Created(outcome.Mark!);
    }

    public Task<IReadOnlyList<GuidanceMark>?> GetGuidanceAsync() => Task.FromResult(committedGuidance);

    /// <summary>The record is durable and the caller is answered either way; a failed push is logged, not thrown.</summary>
    private async Task PushAsync(Func<Task> push, string what)
    {
        try
        {
            await push();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Pushing a {What} of case {Incident} failed", what, state.State.Id);
        }
    }
}
