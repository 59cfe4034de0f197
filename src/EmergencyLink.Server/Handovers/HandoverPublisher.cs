using System.Collections.Concurrent;
using System.Threading.Channels;
using EmergencyLink.Contracts;
using EmergencyLink.Domain.Cases;
using EmergencyLink.Ehr;
using EmergencyLink.Handover;
using EmergencyLink.Server.Hubs;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Server.Handovers;

/// <summary>
/// Keeps the receiving ED's copy of the handover current: every committed change of a case with a destination
/// rebuilds its document, pushes it to that hospital's board and hands it to the hospital's EHR push. Work is taken
/// off the grain's path and coalesced per case: ten entries written in a burst cost one or two documents, never ten
/// queued behind each other, and the document sent is always built from the latest committed case.
/// </summary>
/// <remarks>
/// The queue is in memory; the case grain's state is the durable source. A change committed just before a crash is
/// published by the sweep at start, which goes over the open and recently ended cases once: the EHR outbox takes a
/// version it already holds as a duplicate, so the sweep re-sends nothing twice.
/// </remarks>
public sealed class HandoverPublisher(
    IGrainFactory grains,
    HandoverDocuments documents,
    IHubContext<HospitalHub, IHospitalClient> hospitals,
    IEhrPush ehr,
    ILogger<HandoverPublisher> logger) : BackgroundService
{
    private readonly Channel<string> queue = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, byte> queued = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string HospitalId, int Version)> published = new(StringComparer.Ordinal);

    /// <summary>A case changed; its document is rebuilt soon if it has a destination.</summary>
    public void Notify(IncidentSnapshot incident)
    {
        ArgumentNullException.ThrowIfNull(incident);
        if (incident.HospitalId is not null && queued.TryAdd(incident.Id, 0))
        {
            queue.Writer.TryWrite(incident.Id);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await SweepAsync();
        await foreach (var caseId in queue.Reader.ReadAllAsync(stoppingToken))
        {
            // Taken off the set before reading the case, so a change committed while this one is built queues again.
            queued.TryRemove(caseId, out _);
            try
            {
                await PublishAsync(caseId);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "The handover document of case {Incident} could not be published", caseId);
            }
        }
    }

    private async Task SweepAsync()
    {
        try
        {
            foreach (var incident in await grains.GetGrain<IIncidentRegistryGrain>(GrainKeys.Region).ListAsync(openOnly: false))
            {
                Notify(incident);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "The start-up sweep of handover documents failed; cases publish on their next change");
        }
    }

    private async Task PublishAsync(string caseId)
    {
        var incident = await grains.GetGrain<IIncidentGrain>(caseId).GetAsync();
        if (incident?.HospitalId is not { } hospitalId)
        {
            return;
        }

        var version = HandoverAssembler.Version(incident);
        if (published.TryGetValue(caseId, out var last) && last == (hospitalId, version))
        {
            return;
        }

        var bundle = await documents.CurrentAsync(incident);
        var json = HandoverSerializer.ToJson(bundle);
        await hospitals.Clients.Group(HospitalHub.GroupOf(hospitalId))
            .HandoverUpdated(new HandoverMessage(caseId, hospitalId, version, bundle.Timestamp.GetValueOrDefault(), json));
        await ehr.EnqueueAsync(new EhrDocument(hospitalId, caseId, version, Reason(incident, last.HospitalId == hospitalId), json), CancellationToken.None);

        // An ended case changes no more; forgetting it keeps this map to the open cases.
        if (incident.State is CaseState.Closed or CaseState.Cancelled)
        {
            published.TryRemove(caseId, out _);
        }
        else
        {
            published[caseId] = (hospitalId, version);
        }
    }

    /// <summary>Why this version was sent, for the receiver's log: the pre-alert, or the step that changed the record.</summary>
    private static string Reason(IncidentSnapshot incident, bool sentBefore)
    {
        if (!sentBefore)
        {
            return "pre-alert";
        }

        var step = incident.Timeline[^1];
        return step.Trigger?.ToString() ?? step.Event?.ToString() ?? "update";
    }
}
