using EmergencyLink.Contracts.Telemetry;
using EmergencyLink.Server.Hubs;
using EmergencyLink.Server.Live;
using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.EndToEnd.Tests;

/// <summary>
/// What a node replaying another node's change does with Azure SignalR Service: no hub message (the origin node's
/// already reached every client through the service), but its own case watchers' group removals for real.
/// </summary>
public sealed class SilentHubContextTests
{
    [Fact]
    public async Task A_silent_hub_context_sends_nothing_and_changes_groups_for_real()
    {
        var inner = new GroupsOnlyContext();
        var silent = new SilentHubContext<HospitalHub, IHospitalClient>(inner);

        await silent.Clients.Group(HospitalHub.GroupOf("H1")).Telemetry(new TelemetryDelivery("C1", [], 1, 2, false));
        await silent.Clients.All.InboundRemoved(new InboundRemoval("H1", "C1", EmergencyLink.Domain.Cases.CaseState.Transporting));
        await silent.Groups.RemoveFromGroupAsync("connection-1", HospitalHub.CaseGroupOf("C1"));

        Assert.Equal([("remove", "connection-1", HospitalHub.CaseGroupOf("C1"))], inner.Changes);
    }

    /// <summary>A hub context whose clients must never be used: any message through it fails the test.</summary>
    private sealed class GroupsOnlyContext : IHubContext<HospitalHub, IHospitalClient>, IGroupManager
    {
        public List<(string Change, string Connection, string Group)> Changes { get; } = [];

        public IHubClients<IHospitalClient> Clients => throw new InvalidOperationException("A replica with Azure SignalR sent a hub message.");

        public IGroupManager Groups => this;

        public Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
        {
            Changes.Add(("add", connectionId, groupName));
            return Task.CompletedTask;
        }

        public Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
        {
            Changes.Add(("remove", connectionId, groupName));
            return Task.CompletedTask;
        }
    }
}
