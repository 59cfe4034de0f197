namespace EmergencyLink.Clinical.St;

/// <summary>Two contiguous leads that both met their ST-elevation thresholds, and the territory they point to.</summary>
public sealed record ContiguousLeadPair(string FirstLead, string SecondLead, StemiTerritory Territories);
