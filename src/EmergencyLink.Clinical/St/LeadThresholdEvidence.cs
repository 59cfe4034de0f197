namespace EmergencyLink.Clinical.St;

/// <summary>
/// A lead that passed a threshold: its ST value at the J point, which is what was compared with the threshold (the
/// Fourth Universal Definition's measuring point), its ST at J+60 ms for the reader, and the threshold (all mV;
/// negative for depression). <see cref="Lead"/> may be "-aVR", the inverted aVR of the Cabrera sequence.
/// </summary>
public sealed record LeadThresholdEvidence(
    string Lead, double JPointMillivolts, double J60Millivolts, double ThresholdMillivolts);
