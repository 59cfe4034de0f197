namespace EmergencyLink.Clinical.Synthetic;

/// <summary>
/// Frank X, Y, Z (X to the patient's left, Y to the feet, Z to the back) to the eight independent leads, from
/// Dower GE, Machado HB, Osborne JA, "On deriving the electrocardiogram from vectorcardiographic leads",
/// Clin Cardiol 1980;3:87–95 (the transform whose least-squares inverse is Edenbrandt &amp; Pahlm's inverse Dower
/// matrix). Rows: I, II, V1, V2, V3, V4, V5, V6; columns X, Y, Z.
/// </summary>
internal static class DowerMatrix
{
    public static readonly double[] X = [0.632, 0.235, -0.515, 0.044, 0.882, 1.213, 1.125, 0.831];
    public static readonly double[] Y = [-0.235, 1.066, 0.157, 0.164, 0.098, 0.127, 0.127, 0.076];
    public static readonly double[] Z = [0.059, -0.132, -0.917, -1.387, -1.277, -0.601, -0.086, 0.230];
}
