using EmergencyLink.Domain.Cases;
using EmergencyLink.Domain.Handover;
using EmergencyLink.Domain.Units;

namespace EmergencyLink.Domain;

/// <summary>
/// The Mermaid diagrams of the machines, generated from the machines themselves. They are committed under docs/
/// and a test fails when they drift from the code.
/// </summary>
public static class StateDiagrams
{
    public const string RegenerateCommand = "dotnet run --project tools/EmergencyLink.Cli -- diagrams --out docs";

    /// <summary>File name under docs/ and its full content.</summary>
    public static IReadOnlyList<(string FileName, string Content)> All() =>
    [
        ("case-state-machine.md", Document("Case state machine", CaseWorkflow.ToMermaid())),
        ("unit-state-machine.md", Document("Unit state machine", UnitWorkflow.ToMermaid())),
        ("handover-loop.md", Document("Handover loop state machine", HandoverLoopWorkflow.ToMermaid())),
    ];

    /// <summary>
    /// The diagrams the README shows too. The handover loop's joins when the README gets its section; until then it is
    /// only under docs/.
    /// </summary>
    public static IReadOnlyList<string> ShownInReadme { get; } = ["case-state-machine.md", "unit-state-machine.md", "handover-loop.md"];

    private static string Document(string title, string mermaid) =>
        $"# {title}\n\n" +
        $"Generated from the code by `{RegenerateCommand}`; do not edit by hand.\n\n" +
        "```mermaid\n" + mermaid.ReplaceLineEndings("\n").TrimEnd() + "\n```\n";
}
