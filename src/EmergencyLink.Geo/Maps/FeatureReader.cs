using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Features;

namespace EmergencyLink.Geo.Maps;

/// <summary>Typed access to a feature's properties, with errors that name the file, the feature and the property.</summary>
internal sealed class FeatureReader(string file, IFeature feature, int index)
{
    public string Where => $"{file}, feature {FeatureId ?? "#" + index.ToString(CultureInfo.InvariantCulture)}";

    private string? FeatureId
    {
        get
        {
            try
            {
                return Has("id") ? feature.Attributes!["id"]?.ToString() : null;
            }
            catch (NotSupportedException)
            {
                // An unreadable id cannot name the feature; its index does.
                return null;
            }
        }
    }

    public IFeature Feature => feature;

    public string String(string name) =>
        Raw(name) switch
        {
            string s when s.Length > 0 => s,
            JsonElement { ValueKind: JsonValueKind.String } e when e.GetString() is { Length: > 0 } s => s,
            null => throw Missing(name),
            var other => throw Wrong(name, "a non-empty string", other),
        };

    public string? OptionalString(string name) => Has(name) && Raw(name) is not null ? String(name) : null;

    public double Number(string name)
    {
        var value = Raw(name) switch
        {
            null => throw Missing(name),
            JsonElement { ValueKind: JsonValueKind.Number } e => e.GetDouble(),
            JsonElement other => throw Wrong(name, "a number", other),
            string s => throw Wrong(name, "a number", s),
            bool b => throw Wrong(name, "a number", b),
            IConvertible c => c.ToDouble(CultureInfo.InvariantCulture),
            var other => throw Wrong(name, "a number", other),
        };
        return double.IsFinite(value) ? value : throw Wrong(name, "a finite number", value);
    }

    public int Integer(string name, int min, int max)
    {
        var value = Number(name);
        return value == Math.Floor(value) && value >= min && value <= max
            ? (int)value
            : throw Wrong(name, $"a whole number from {min} to {max}", value);
    }

    public bool Boolean(string name) =>
        Raw(name) switch
        {
            bool b => b,
            JsonElement { ValueKind: JsonValueKind.True } => true,
            JsonElement { ValueKind: JsonValueKind.False } => false,
            null => throw Missing(name),
            var other => throw Wrong(name, "true or false", other),
        };

    public TEnum Enum<TEnum>(string name)
        where TEnum : struct, Enum
    {
        var text = String(name);
        return System.Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && System.Enum.IsDefined(value)
               && !char.IsDigit(text[0])
            ? value
            : throw Wrong(name, string.Join(" | ", System.Enum.GetNames<TEnum>()), text);
    }

    public MapFormatException Error(string message) => new($"{Where}: {message}");

    private bool Has(string name) => feature.Attributes?.Exists(name) == true;

    private object? Raw(string name)
    {
        if (!Has(name))
        {
            return null;
        }

        try
        {
            return feature.Attributes![name];
        }
        catch (NotSupportedException ex)
        {
            // GeoJSON4STJ boxes a property only when it is read, and refuses numbers beyond decimal's range (1e400).
            throw new MapFormatException($"{Where}: property '{name}' cannot be read: {ex.Message}", ex);
        }
    }

    private MapFormatException Missing(string name) => new($"{Where}: property '{name}' is missing.");

    private MapFormatException Wrong(string name, string expected, object? actual) =>
        new($"{Where}: property '{name}' must be {expected}, not '{actual}'.");
}
