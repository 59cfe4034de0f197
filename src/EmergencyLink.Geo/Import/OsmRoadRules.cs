using System.Globalization;
using EmergencyLink.Geo.Maps;
using OsmSharp.Tags;

namespace EmergencyLink.Geo.Import;

/// <summary>Which OSM ways an ambulance may drive, in which direction, and how fast the law allows.</summary>
public static class OsmRoadRules
{
    public static RoadClass? ClassOf(TagsCollectionBase tags)
    {
        if (!tags.TryGetValue("highway", out var highway))
        {
            return null;
        }

        RoadClass? roadClass = highway switch
        {
            "motorway" or "motorway_link" => RoadClass.Motorway,
            "trunk" or "trunk_link" => RoadClass.Trunk,
            "primary" or "primary_link" => RoadClass.Primary,
            "secondary" or "secondary_link" => RoadClass.Secondary,
            "tertiary" or "tertiary_link" or "unclassified" => RoadClass.Tertiary,
            "residential" or "living_street" => RoadClass.Residential,
            "service" => RoadClass.Service,
            _ => null,
        };
        if (roadClass is null)
        {
            return null;
        }

        // Closed to the public but open to emergency vehicles (emergency=yes, motorcar=official) stays in.
        var closed = (tags.TryGetValue("access", out var access) && access is "no" or "private")
                     || (tags.TryGetValue("motor_vehicle", out var motor) && motor is "no" or "private");
        var emergencyAllowed = tags.TryGetValue("emergency", out var emergency) && emergency is "yes" or "designated";
        if (closed && !emergencyAllowed)
        {
            return null;
        }

        // Parking aisles and driveways are where units park, not how they travel.
        if (roadClass == RoadClass.Service && tags.TryGetValue("service", out var service) && service is "parking_aisle" or "driveway" or "drive-through")
        {
            return null;
        }

        return roadClass;
    }

    /// <summary>+1 one-way along the way, -1 one-way against it, 0 both ways. Motorways and roundabouts imply one-way.</summary>
    public static int OneWay(TagsCollectionBase tags, RoadClass roadClass)
    {
        if (tags.TryGetValue("oneway", out var oneway))
        {
            return oneway switch
            {
                "yes" or "true" or "1" => 1,
                "-1" or "reverse" => -1,
                _ => 0,
            };
        }

        var roundabout = tags.TryGetValue("junction", out var junction) && junction is "roundabout" or "circular";
        return roundabout || (roadClass == RoadClass.Motorway && tags.TryGetValue("highway", out var h) && h == "motorway") ? 1 : 0;
    }

    /// <summary>maxspeed where tagged (km/h, or "mph"), else a typical urban limit for the class.</summary>
    public static double SpeedKmh(TagsCollectionBase tags, RoadClass roadClass)
    {
        if (tags.TryGetValue("maxspeed", out var maxspeed))
        {
            var text = maxspeed.Trim();
            var mph = text.EndsWith("mph", StringComparison.OrdinalIgnoreCase);
            var number = mph ? text[..^3].Trim() : text;
            if (double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 200)
            {
                return Math.Round(mph ? value * 1.609344 : value, 1);
            }
        }

        return roadClass switch
        {
            RoadClass.Motorway => 90,
            RoadClass.Trunk => 70,
            RoadClass.Primary => 50,
            RoadClass.Secondary => 50,
            RoadClass.Tertiary => 40,
            RoadClass.Residential => 30,
            _ => 15,
        };
    }

    public static int Lanes(TagsCollectionBase tags, RoadClass roadClass) =>
        tags.TryGetValue("lanes", out var lanes) && int.TryParse(lanes, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= 12
            ? n
            : roadClass is RoadClass.Motorway or RoadClass.Trunk ? 2 : 1;
}
