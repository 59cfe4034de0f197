using Stateless;
using Stateless.Graph;

namespace EmergencyLink.Domain;

/// <summary>
/// A machine definition tabulated once: what each state permits and where each trigger leads. Every committed case
/// snapshot lists its permitted triggers, so this is asked on every command and must not rebuild the machine.
/// </summary>
internal sealed class MachineTable<TState, TTrigger>
    where TState : struct, Enum
    where TTrigger : struct, Enum
{
    private readonly Func<Func<TState>, Action<TState>, StateMachine<TState, TTrigger>> create;
    private readonly Dictionary<TState, IReadOnlyList<TTrigger>> permitted = [];
    private readonly Dictionary<(TState, TTrigger), TState> next = [];

    public MachineTable(Func<Func<TState>, Action<TState>, StateMachine<TState, TTrigger>> create)
    {
        this.create = create;
        foreach (var state in Enum.GetValues<TState>())
        {
            var allowed = new List<TTrigger>();
            foreach (var trigger in Enum.GetValues<TTrigger>())
            {
                var current = state;
                var machine = create(() => current, s => current = s);
                if (machine.CanFire(trigger))
                {
                    machine.Fire(trigger);
                    next[(state, trigger)] = current;
                    allowed.Add(trigger);
                }
            }

            permitted[state] = allowed;
        }
    }

    public IReadOnlyList<TTrigger> Permitted(TState state) => permitted[state];

    public TState? Next(TState state, TTrigger trigger) => next.TryGetValue((state, trigger), out var to) ? to : null;

    public string Mermaid(TState initial) => MermaidGraph.Format(create(() => initial, _ => { }).GetInfo());
}
