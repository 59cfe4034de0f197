namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// Level of consciousness as NEWS2 records it. RCP 2017 added new confusion to AVPU because new-onset confusion or
/// delirium is a sign of acute deterioration (e.g. sepsis); every level other than Alert scores 3.
/// </summary>
public enum Acvpu
{
    Alert,
    NewConfusion,
    Voice,
    Pain,
    Unresponsive,
}
