namespace EmergencyLink.Clinical.Wfdb;

/// <summary>The standard WFDB annotation codes (ecgcodes.h) and their mnemonics.</summary>
public static class WfdbAnnotationCodes
{
    public const int Skip = 59;
    public const int Num = 60;
    public const int Sub = 61;
    public const int Chn = 62;
    public const int Aux = 63;

    // Index = code. Codes 15, 17 and 42-49 are unassigned; they read as "[15]" etc.
    private static readonly string?[] Mnemonics =
    [
        null, "N", "L", "R", "a", "V", "F", "J", "A", "S", "E", "j", "/", "Q", "~", null, "|", null, "s", "T", "*",
        "D", "\"", "=", "p", "B", "^", "t", "+", "u", "?", "!", "[", "]", "e", "n", "@", "x", "f", "(", ")", "r",
    ];

    // The beat labels: N, L, R, B, A, a, J, S, V, r, F, e, j, n, E, /, f, Q and '?' (a beat not classified while learning).
    private static readonly HashSet<string> BeatSymbols =
        ["N", "L", "R", "B", "A", "a", "J", "S", "V", "r", "F", "e", "j", "n", "E", "/", "f", "Q", "?"];

    public static string Symbol(int code) =>
        code >= 0 && code < Mnemonics.Length && Mnemonics[code] is { } symbol ? symbol : $"[{code}]";

    public static bool IsBeatSymbol(string symbol) => BeatSymbols.Contains(symbol);
}
