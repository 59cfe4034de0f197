namespace EmergencyLink.Clinical.Tests.Ecg;

internal enum EctopicBeatKind
{
    Normal,
    Ventricular,
    Couplet,
    Fusion,
}
