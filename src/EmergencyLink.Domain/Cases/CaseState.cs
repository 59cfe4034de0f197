namespace EmergencyLink.Domain.Cases;

/// <summary>Where a case stands between the call and the transfer of care. Names are the API's names.</summary>
public enum CaseState
{
    Received,
    Triaged,
    Dispatched,
    EnRoute,
    OnScene,
    Transporting,
    AtHospital,
    HandedOver,
    Closed,
    Cancelled,
}
