namespace EmergencyLink.Domain.Cases;

/// <summary>Why a case closed on scene without transport (NEMSIS eDisposition, simplified).</summary>
public enum NoTransportDisposition
{
    TreatedAndReleased,
    PatientRefused,
    DeadOnScene,
    NoPatientFound,
    TransportedByOther,
}
