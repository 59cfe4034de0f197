using System.Globalization;
using EmergencyLink.Security;

namespace EmergencyLink.Cli.Commands;

/// <summary>
/// <c>token --role ed --hospital H1 [--name "charge nurse"] [--vehicle A01] [--hours 12] [--storage-path file]</c>:
/// prints a development token signed with the key beside the server's database.
/// </summary>
public static class TokenCommand
{
    public const string Usage =
        "token --role dispatcher|crew|ed|admin [--vehicle ID] [--hospital ID] [--name NAME] [--hours N] [--storage-path FILE]";

    public static int Run(string[] args)
    {
        var options = new ArgReader(args, "role", "vehicle", "hospital", "name", "hours", "storage-path");
        var role = options.Get("role") ?? throw new ArgumentException("--role is required: " + string.Join(", ", Roles.All) + ".");
        var name = options.Get("name") ?? $"{role}-{options.Get("vehicle") ?? options.Get("hospital") ?? "user"}";
        var request = new TokenRequest(role, name, options.Get("vehicle"), options.Get("hospital"));
        if (request.Problem() is { } problem)
        {
            throw new ArgumentException(problem);
        }

        var hours = options.GetInt("hours", 12, 1, 24 * 30);
        var storagePath = KeyLocator.StoragePath(options.Get("storage-path"));
        Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Signed with {KeyLocator.KeySource(storagePath)}, valid {hours} h."));
        Console.WriteLine(KeyLocator.Issuer(storagePath).Issue(request, TimeSpan.FromHours(hours)));
        return 0;
    }
}
