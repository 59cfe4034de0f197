using EmergencyLink.Domain;

namespace EmergencyLink.Cli.Commands;

/// <summary><c>diagrams --out docs</c>: writes the Mermaid diagrams of the case, unit and handover-loop state machines.</summary>
public static class DiagramsCommand
{
    public const string Usage = "diagrams --out FOLDER";

    public static int Run(string[] args)
    {
        var options = new ArgReader(args, "out");
        var folder = options.Get("out") ?? throw new ArgumentException("--out is required.");
        Directory.CreateDirectory(folder);
        foreach (var (fileName, content) in StateDiagrams.All())
        {
            File.WriteAllText(Path.Combine(folder, fileName), content);
            Console.WriteLine(Path.Combine(folder, fileName));
        }

        return 0;
    }
}
