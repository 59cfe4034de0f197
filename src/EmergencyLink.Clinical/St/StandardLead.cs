namespace EmergencyLink.Clinical.St;

/// <summary>The standard 12 leads in the usual recording order.</summary>
public enum StandardLead
{
    I,
    II,
    III,
    AVR,
    AVL,
    AVF,
    V1,
    V2,
    V3,
    V4,
    V5,
    V6,
}
