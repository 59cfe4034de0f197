namespace EmergencyLink.Clinical.St;

/// <summary>
/// A lead that passed a threshold: its ST value at J+60 ms and the threshold it was held to (both mV; negative for
/// depression). <see cref="Lead"/> may be "-aVR", the inverted aVR of the Cabrera sequence.
/// </summary>
public sealed record LeadThresholdEvidence(string Lead, double StMillivolts, double ThresholdMillivolts);
