using EmergencyLink.Contracts;

namespace EmergencyLink.Server.Hubs;

/// <summary>What a crew's screen receives: only its own vehicle's case. Method names are the SignalR event names.</summary>
public interface ICrewClient
{
    /// <summary>The case the vehicle serves (or last served), after every committed change.</summary>
    Task CaseChanged(IncidentSnapshot incident);

    /// <summary>A message of the case from the ED, dispatch, or the crew itself (so every screen in the vehicle shows it).</summary>
    Task CaseMessage(CaseMessageNotice message);

    /// <summary>A tele-guidance mark from the ED, to draw on the frame it names.</summary>
    Task GuidanceMark(GuidanceNotice mark);
}
