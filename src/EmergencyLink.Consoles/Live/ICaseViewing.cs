namespace EmergencyLink.Consoles.Live;

/// <summary>
/// The host's hold on a case's full-rate stream (ECG, video) for a screen that shows it: in a cluster, other nodes
/// send this one a case's full-rate frames only while something here holds it, and the vitals of every case always.
/// </summary>
public interface ICaseViewing
{
    /// <summary>Returns once the stream is held (take it before reading the case's backlog); dispose to let it go.</summary>
    Task<IDisposable> ViewAsync(string caseId);
}
