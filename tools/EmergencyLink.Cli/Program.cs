using EmergencyLink.Cli.Commands;
using EmergencyLink.Cli.DemoMap;

string[] usage =
[
    "EmergencyLink CLI. Commands:",
    "  " + TokenCommand.Usage,
    "  " + WatchCommand.Usage,
    "  " + BenchCommand.Usage,
    "  " + RoutingBenchCommand.Usage,
    "  " + EcgBenchCommand.Usage,
    "  " + QrsBenchCommand.Usage,
    "  " + HandoverBenchCommand.Usage,
    "  " + DemoMapCommand.Usage,
    "  " + MapImportCommand.Usage,
    "  " + DiagramsCommand.Usage,
    "  " + SimulateCommand.Usage,
    "  " + EcgCommand.Usage,
    "  " + EmergencyLink.Cli.LinkBench.LinkBenchCommand.Usage,
    "  " + EmergencyLink.Cli.LinkBench.PeerRelayCommand.Usage,
];

if (args.Length == 0)
{
    Console.Error.WriteLine(string.Join('\n', usage));
    return 2;
}

try
{
    var rest = args[1..];
    return args[0] switch
    {
        "token" => TokenCommand.Run(rest),
        "watch" => await WatchCommand.RunAsync(rest),
        "bench" => await BenchCommand.RunAsync(rest),
        "bench-routing" => RoutingBenchCommand.Run(rest),
        "bench-ecg" => EcgBenchCommand.Run(rest),
        "bench-qrs" => QrsBenchCommand.Run(rest),
        "bench-handover" => HandoverBenchCommand.Run(rest),
        "demo-map" => DemoMapCommand.Run(rest),
        "map" => MapImportCommand.Run(rest),
        "diagrams" => DiagramsCommand.Run(rest),
        "simulate" => await SimulateCommand.RunAsync(rest),
        "ecg" => EcgCommand.Run(rest),
        "bench-link-peer" => await EmergencyLink.Cli.LinkBench.PeerRelayCommand.RunAsync(rest),
        "bench-link" => await EmergencyLink.Cli.LinkBench.LinkBenchCommand.RunAsync(rest),
        _ => throw new ArgumentException($"Unknown command '{args[0]}'.\n" + string.Join('\n', usage)),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}
