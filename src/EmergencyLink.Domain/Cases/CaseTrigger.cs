namespace EmergencyLink.Domain.Cases;

/// <summary>What moves a case. Names are the API's names.</summary>
public enum CaseTrigger
{
    Triage,
    Assign,
    EnRoute,
    ArriveScene,
    Transport,
    ArriveHospital,
    Handover,
    Close,
    Cancel,
    Reassign,
    Divert,
    NoTransport,
}
