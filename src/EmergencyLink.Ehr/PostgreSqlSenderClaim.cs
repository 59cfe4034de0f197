namespace EmergencyLink.Ehr;

/// <summary>A hospital's advisory lock held on the election's session of the given generation.</summary>
internal sealed class PostgreSqlSenderClaim(PostgreSqlSenderElection election, string hospitalId, long generation) : IEhrSenderClaim
{
    public string HospitalId => hospitalId;

    public long Generation => generation;

    public Task<bool> StillHeldAsync(CancellationToken cancellationToken) => election.StillHeldAsync(this, cancellationToken);

    public Task ReleaseAsync() => election.ReleaseAsync(this);
}
