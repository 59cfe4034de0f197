using Microsoft.AspNetCore.SignalR;

namespace EmergencyLink.Server.Live;

/// <summary>
/// A hub context whose messages go nowhere but whose group changes are real. With Azure SignalR Service the groups
/// span the nodes, so the node whose grain made a change has already reached every client; another node replaying
/// it must not send it again, yet must still take its own case watchers out of their groups (only it knows them).
/// </summary>
public sealed class SilentHubContext<THub, T>(IHubContext<THub, T> inner) : IHubContext<THub, T>
    where THub : Hub<T>
    where T : class
{
    public IHubClients<T> Clients { get; } = new SilentClients();

    public IGroupManager Groups => inner.Groups;

    private sealed class SilentClients : IHubClients<T>
    {
        private readonly T silent = SilentClientProxy.Create<T>();

        public T All => silent;

        public T AllExcept(IReadOnlyList<string> excludedConnectionIds) => silent;

        public T Client(string connectionId) => silent;

        public T Clients(IReadOnlyList<string> connectionIds) => silent;

        public T Group(string groupName) => silent;

        public T GroupExcept(string groupName, IReadOnlyList<string> excludedConnectionIds) => silent;

        public T Groups(IReadOnlyList<string> groupNames) => silent;

        public T User(string userId) => silent;

        public T Users(IReadOnlyList<string> userIds) => silent;
    }
}
