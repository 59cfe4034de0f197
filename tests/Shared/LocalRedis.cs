using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace EmergencyLink.Testing;

/// <summary>
/// A private Redis for a test class or collection (an xunit fixture): loopback only, its own port, nothing saved to
/// disk, its working folder in temp; killed and deleted on dispose.
/// </summary>
public sealed class LocalRedis : IDisposable
{
    public const string Server = "/usr/bin/redis-server";
    private readonly Lock startLock = new();
    private string? folder;
    private Process? process;
    private int port;

    /// <summary>The server's port; the first use starts it (inside a test, so a missing package skips that test).</summary>
    public int Port
    {
        get
        {
            lock (startLock)
            {
                if (process is null)
                {
                    Start();
                }

                return port;
            }
        }
    }

    /// <summary>A StackExchange.Redis configuration string.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public void Dispose()
    {
        if (process is not null)
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit();
            }

            process.Dispose();
        }

        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private void Start()
    {
        DebianTools.Require(Server, "redis-server");
        folder = Directory.CreateTempSubdirectory("emergencylink-redis-").FullName;
        port = DebianTools.FreePort();
        var start = new ProcessStartInfo(Server) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", folder })
        {
            start.ArgumentList.Add(arg);
        }

        process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (!Pong())
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server did not start on port {port}.");
            }

            Thread.Sleep(50);
        }
    }

    private bool Pong()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect("127.0.0.1", port);
            var stream = client.GetStream();
            stream.Write("PING\r\n"u8);
            var buffer = new byte[16];
            var read = stream.Read(buffer);
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
