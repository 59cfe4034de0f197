namespace EmergencyLink.Clinical.Wfdb;

/// <summary>One signal specification line of a WFDB header (header(5)), with its defaults applied.</summary>
public sealed record WfdbSignalSpec(
    string FileName,
    int Format,
    int SamplesPerFrame,
    int Skew,
    long ByteOffset,
    double Gain,
    int Baseline,
    string Units,
    int AdcResolution,
    int AdcZero,
    int? InitialValue,
    int? Checksum,
    int BlockSize,
    string Description);
