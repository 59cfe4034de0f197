namespace EmergencyLink.Clinical.Wfdb;

/// <summary>
/// One annotation of a WFDB annotation file: time as a sample number, the mnemonic (e.g. "N", "V", "+"), and the
/// subtype, channel, number and auxiliary text fields (annot(5)). Rhythm changes are "+" with aux like "(AFIB".
/// </summary>
public sealed record WfdbAnnotation(long Sample, string Symbol, int Subtype, int Channel, int Number, string? Aux)
{
    /// <summary>True for the annotation codes that label a QRS complex (the WFDB isqrs set).</summary>
    public bool IsBeat => WfdbAnnotationCodes.IsBeatSymbol(Symbol);

    /// <summary>For a rhythm change ("+"), the rhythm it starts, e.g. "AFIB" or "N"; otherwise null.</summary>
    public string? Rhythm =>
        Symbol == "+" && Aux is { Length: > 1 } aux && aux[0] == '(' ? aux[1..].TrimEnd('\0', ' ', ')') : null;
}
