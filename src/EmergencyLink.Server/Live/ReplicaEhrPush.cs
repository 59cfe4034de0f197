using EmergencyLink.Ehr;

namespace EmergencyLink.Server.Live;

/// <summary>
/// The EHR push of a node replaying another node's changes: sends nothing. The node whose case grain made the
/// change hands the document to the hospital's EHR; every node replaying it would otherwise queue the same document
/// in its own outbox and the EHR would receive it once per node.
/// </summary>
public sealed class ReplicaEhrPush : IEhrPush
{
    public Task<bool> EnqueueAsync(EhrDocument document, CancellationToken cancellationToken) => Task.FromResult(false);
}
