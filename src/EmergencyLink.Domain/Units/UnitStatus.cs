namespace EmergencyLink.Domain.Units;

/// <summary>An ambulance's status. Names are the API's names.</summary>
public enum UnitStatus
{
    OutOfService,
    Available,
    Dispatched,
    EnRoute,
    OnScene,
    Transporting,
    AtHospital,
    Returning,
}
