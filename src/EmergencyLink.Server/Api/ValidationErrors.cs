using EmergencyLink.Domain.Geography;

namespace EmergencyLink.Server.Api;

/// <summary>Collects field errors in the shape of <c>ValidationProblemDetails.errors</c>.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool Any => errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!errors.TryGetValue(field, out var list))
        {
            errors[field] = list = [];
        }

        list.Add(message);
    }

    public void Text(string field, string? value, bool required, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Add(field, $"{field} is required.");
            }
        }
        else if (value.Length > maxLength)
        {
            Add(field, $"{field} is longer than {maxLength} characters.");
        }
    }

    /// <summary>Checks a position and returns it when valid.</summary>
    public GeoPoint? Location(string field, double? lat, double? lon)
    {
        var before = errors.Count;
        if (lat is null)
        {
            Add($"{field}.lat", "lat is required.");
        }
        else if (!double.IsFinite(lat.Value) || lat is < -90 or > 90)
        {
            Add($"{field}.lat", "lat must be between -90 and 90.");
        }

        if (lon is null)
        {
            Add($"{field}.lon", "lon is required.");
        }
        else if (!double.IsFinite(lon.Value) || lon is < -180 or > 180)
        {
            Add($"{field}.lon", "lon must be between -180 and 180.");
        }

        return errors.Count == before ? new GeoPoint(lat!.Value, lon!.Value) : null;
    }

    public Dictionary<string, string[]> ToDictionary() => errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
