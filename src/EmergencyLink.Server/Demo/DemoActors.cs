namespace EmergencyLink.Server.Demo;

/// <summary>The names the demo acts under, so the timeline tells its steps from people's.</summary>
public static class DemoActors
{
    public const string CallTaker = "demo call-taker";

    public const string Dispatcher = "demo dispatcher";

    public static string Crew(string unitId) => $"demo crew {unitId}";

    public static string Ed(string hospitalId) => $"demo ED {hospitalId}";
}
