using EmergencyLink.Domain.Alerts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Documentation;
using EmergencyLink.Domain.Guidance;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Messaging;
using Orleans.Concurrency;

namespace EmergencyLink.Contracts;

/// <summary>One case, keyed by its incident id. It owns the state machine and the timeline.</summary>
public interface IIncidentGrain : IGrainWithStringKey
{
    /// <summary>Opens the case; called once by the registry, which allocated the id.</summary>
    Task<CommandResult<IncidentSnapshot>> OpenAsync(NewIncident call, string actor);

    /// <summary>
    /// The last committed snapshot, or null if the case does not exist. It never shows a change that is not yet on
    /// disk, so it may interleave with a command in flight; that also keeps grains that call back here on
    /// activation (a unit reconciling with its case) free of deadlocks.
    /// </summary>
    [AlwaysInterleave]
    Task<IncidentSnapshot?> GetAsync();

    /// <summary>Fires a trigger; Assign also dispatches the unit, and other steps move the unit along.</summary>
    Task<CommandResult<IncidentSnapshot>> FireAsync(CaseCommand command, string actor);

    /// <summary>
    /// Records an alert (once per kind) on the timeline and tells the destination ED and dispatch; the value is the
    /// new alert, or null when one of its kind was already raised or there is no such case.
    /// </summary>
    Task<CaseAlert?> RaiseAlertAsync(NewAlert alert, string actor);

    /// <summary>A clinician acknowledges an alert; stamped with who and when.</summary>
    Task<CommandResult<CaseAlert>> AcknowledgeAlertAsync(string alertId, string actor);

    /// <summary>
    /// Records a crew assessment (a stroke or trauma scale) as an entry of the crew's record and raises the alerts it
    /// implies; returns the alerts newly raised.
    /// </summary>
    Task<CommandResult<IReadOnlyList<CaseAlert>>> RecordAssessmentAsync(NewCareEntry assessment, IReadOnlyList<NewAlert> alerts, string actor);

    /// <summary>Appends a crew documentation entry (stamped with author and time) to the case record.</summary>
    Task<CommandResult<CareEntry>> DocumentAsync(NewCareEntry entry, string actor);

    /// <summary>
    /// Corrects (or, with <paramref name="retract"/>, withdraws) a documentation entry by appending its amendment; the
    /// original stays in the record.
    /// </summary>
    Task<CommandResult<CareEntry>> AmendDocumentationAsync(string entryId, NewCareEntry? replacement, bool retract, string reason, string actor);

    /// <summary>The crew (or dispatch) pre-alerts an ED, or sends the pre-alert again with a message; the loop as it now stands.</summary>
    Task<CommandResult<HandoverLoop>> SendPreAlertAsync(string hospitalId, string? message, string actor);

    /// <summary>
    /// An ED acknowledges what its loop waits for (pre-alert, redirect or cancellation), once; the caller has checked the
    /// user belongs to <paramref name="hospitalId"/>.
    /// </summary>
    Task<CommandResult<HandoverLoop>> AcknowledgeHandoverLoopAsync(string hospitalId, string? loopId, string actor);

    /// <summary>The crew confirms the transfer of care the destination ED recorded, once.</summary>
    Task<CommandResult<HandoverLoop>> AcknowledgeTransferAsync(string actor);

    /// <summary>
    /// Appends a message of the ED, the crew or dispatch (the caller has checked the user may speak for that side) and
    /// stamps it on the timeline; it is pushed to the destination ED, dispatch and the case's crew.
    /// </summary>
    Task<CommandResult<CaseMessage>> PostMessageAsync(NewCaseMessage message, string actor);

    /// <summary>
    /// Keeps a tele-guidance mark drawn by an ED clinician of <paramref name="hospitalId"/> (null for an admin) and
    /// pushes it at once to the crew's screen and the ED screens that opened the case.
    /// </summary>
    Task<CommandResult<GuidanceMark>> MarkGuidanceAsync(NewGuidanceMark mark, string? hospitalId, string actor);

    /// <summary>
    /// Every guidance mark the case keeps (the latest <see cref="TeleGuidance.MaxKept"/>), as committed; null if there is
    /// no such case. Interleaves like <see cref="GetAsync"/>: it reads committed marks only.
    /// </summary>
    [AlwaysInterleave]
    Task<IReadOnlyList<GuidanceMark>?> GetGuidanceAsync();
}
