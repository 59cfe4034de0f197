namespace EmergencyLink.Ehr;

/// <summary>This process's right to send one hospital's documents.</summary>
public interface IEhrSenderClaim
{
    /// <summary>Whether the right still holds; checked before every attempt. False once lost, for good: claim again.</summary>
    Task<bool> StillHeldAsync(CancellationToken cancellationToken);

    /// <summary>Gives the right up so that another process can take the hospital over at once.</summary>
    Task ReleaseAsync();
}
