namespace EmergencyLink.Server.Api;

public sealed record LamsBody(int FacialDroop, int ArmDrift, int GripStrength);
