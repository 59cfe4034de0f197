namespace EmergencyLink.Domain.Cases;

/// <summary>Priorities 1 (life-threatening) to 4 (non-urgent), as in NHS England's ARP categories.</summary>
public static class CasePriority
{
    public const int Highest = 1;
    public const int Lowest = 4;

    public static bool IsValid(int priority) => priority is >= Highest and <= Lowest;
}
