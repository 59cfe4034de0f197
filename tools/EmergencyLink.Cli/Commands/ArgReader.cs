using System.Globalization;

namespace EmergencyLink.Cli.Commands;

/// <summary>Reads <c>--name value</c> pairs; unknown or valueless options are errors, not silently ignored.</summary>
public sealed class ArgReader
{
    private readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public ArgReader(IEnumerable<string> args, params string[] known)
    {
        var list = args.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            var name = list[i];
            if (!name.StartsWith("--", StringComparison.Ordinal) || !known.Contains(name[2..]))
            {
                throw new ArgumentException($"Unknown option '{name}'. Options: {string.Join(", ", known.Select(k => "--" + k))}.");
            }

            if (i + 1 >= list.Count)
            {
                throw new ArgumentException($"Option '{name}' needs a value.");
            }

            values[name[2..]] = list[++i];
        }
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public int GetInt(string name, int fallback, int min, int max)
    {
        if (Get(name) is not { } text)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new ArgumentException($"--{name} must be a whole number from {min} to {max}.");
    }
}
