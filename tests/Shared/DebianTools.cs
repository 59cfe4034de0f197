namespace EmergencyLink.Testing;

/// <summary>
/// Tests that start a Debian-packaged server (PostgreSQL, Redis) skip themselves on a machine without it, and fail
/// under CI (CI=true), where .ci/run installs it. Linked into every test project.
/// </summary>
internal static class DebianTools
{
    public static void Require(string path, string package)
    {
        if (File.Exists(path))
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI must install the Debian package {package} ({path} is missing; see .ci/run).");
        }

        Skip.If(true, $"{path} is missing: install the Debian package {package}.");
    }

    /// <summary>A port the OS just handed out and released; good enough on loopback for a test run.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>Runs a program to its end; its output is the exception's message when it fails.</summary>
    public static string Run(string program, params string[] args)
    {
        var start = new System.Diagnostics.ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error.Result}");
        }

        return output.Result;
    }
}
