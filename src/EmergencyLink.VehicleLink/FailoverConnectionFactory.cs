using System.Net;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;

namespace EmergencyLink.VehicleLink;

/// <summary>
/// Opens the hub connection on the first of several server nodes that answers, starting with the one that last
/// worked: SignalR's reconnect goes back to one fixed URL, which after a node's death would be forever. Each attempt
/// of the hub's own connect or reconnect schedule tries every node once, so a dead node costs one refused (or timed
/// out) connect, not a retry period.
/// </summary>
internal sealed class FailoverConnectionFactory(IReadOnlyList<Uri> hubUrls, HttpConnectionFactory inner) : IConnectionFactory
{
    private int current;

    public async ValueTask<ConnectionContext> ConnectAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
    {
        var first = Volatile.Read(ref current);
        Exception? last = null;
        for (var i = 0; i < hubUrls.Count; i++)
        {
            var index = (first + i) % hubUrls.Count;
            try
            {
                var connection = await inner.ConnectAsync(new UriEndPoint(hubUrls[index]), cancellationToken).ConfigureAwait(false);
                Volatile.Write(ref current, index);
                return connection;
            }
#pragma warning disable CA1031 // Any failure to reach one node (refused, reset, 5xx, timeout) means: try the next.
            catch (Exception error) when (!cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                last = error;
            }
        }

        throw last ?? new InvalidOperationException("No server URL to connect to.");
    }
}
