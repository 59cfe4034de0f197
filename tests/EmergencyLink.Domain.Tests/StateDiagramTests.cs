namespace EmergencyLink.Domain.Tests;

public sealed class StateDiagramTests
{
    [Fact]
    public void Committed_diagrams_match_the_state_machines_in_code()
    {
        var docs = Path.Combine(RepositoryRoot.Find(), "docs");
        foreach (var (fileName, content) in StateDiagrams.All())
        {
            var path = Path.Combine(docs, fileName);
            Assert.True(File.Exists(path), $"{path} is missing; run `{StateDiagrams.RegenerateCommand}`.");
            Assert.True(File.ReadAllText(path) == content,
                $"docs/{fileName} differs from the state machine in code; run `{StateDiagrams.RegenerateCommand}`.");
        }
    }

    [Fact]
    public void The_README_shows_the_same_diagrams()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Find(), "README.md"));
        foreach (var (fileName, content) in StateDiagrams.All().Where(d => StateDiagrams.ShownInReadme.Contains(d.FileName)))
        {
            var mermaid = content[content.IndexOf("```mermaid", StringComparison.Ordinal)..];
            Assert.True(readme.Contains(mermaid.TrimEnd(), StringComparison.Ordinal),
                $"README.md does not show the diagram of docs/{fileName}; copy it from there.");
        }
    }

    [Fact]
    public void Case_diagram_shows_every_state_and_trigger()
    {
        var content = StateDiagrams.All().Single(d => d.FileName == "case-state-machine.md").Content;
        foreach (var name in Enum.GetNames<Cases.CaseState>().Concat(Enum.GetNames<Cases.CaseTrigger>()))
        {
            Assert.Contains(name, content, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Handover_loop_diagram_shows_every_state_and_trigger()
    {
        var content = StateDiagrams.All().Single(d => d.FileName == "handover-loop.md").Content;
        foreach (var name in Enum.GetNames<Handover.HandoverLoopState>().Concat(Enum.GetNames<Handover.HandoverLoopTrigger>()))
        {
            Assert.Contains(name, content, StringComparison.Ordinal);
        }
    }
}
