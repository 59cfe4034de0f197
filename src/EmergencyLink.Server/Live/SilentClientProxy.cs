using System.Reflection;

namespace EmergencyLink.Server.Live;

/// <summary>
/// A strongly typed hub client that sends nothing (every hub client method returns a Task). Not sealed:
/// <see cref="DispatchProxy"/> derives the proxy type from it at run time.
/// </summary>
public class SilentClientProxy : DispatchProxy
{
    public static T Create<T>()
        where T : class => Create<T, SilentClientProxy>();

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args) => Task.CompletedTask;
}
