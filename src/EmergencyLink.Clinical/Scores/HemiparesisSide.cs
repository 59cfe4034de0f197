namespace EmergencyLink.Clinical.Scores;

/// <summary>
/// Side of the weakness, which in RACE decides the cortical item: aphasia (dominant hemisphere) with a right
/// hemiparesis, agnosia with a left one.
/// </summary>
public enum HemiparesisSide
{
    None,
    Right,
    Left,
}
