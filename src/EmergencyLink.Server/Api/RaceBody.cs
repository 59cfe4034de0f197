namespace EmergencyLink.Server.Api;

/// <param name="Hemiparesis">None, Right (aphasia is scored) or Left (agnosia is scored).</param>
public sealed record RaceBody(int FacialPalsy, int ArmMotor, int LegMotor, int HeadAndGazeDeviation, string? Hemiparesis, int AphasiaOrAgnosia);
