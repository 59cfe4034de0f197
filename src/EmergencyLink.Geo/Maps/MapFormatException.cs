namespace EmergencyLink.Geo.Maps;

/// <summary>A map file is missing or wrong; the message names the file and the feature.</summary>
public sealed class MapFormatException(string message, Exception? inner = null) : Exception(message, inner);
