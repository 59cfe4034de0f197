namespace EmergencyLink.Server.Auth;

public static class Policies
{
    /// <summary>Dispatchers and admins: incidents, assignment, everything read.</summary>
    public const string Dispatch = "dispatch";

    /// <summary>ED users (their own hospital) and dispatchers and admins (any hospital).</summary>
    public const string HospitalFeed = "hospital-feed";

    /// <summary>Crews: the vehicle link's uploads (the vehicle claim then says which vehicle).</summary>
    public const string VehicleLink = "vehicle-link";

    /// <summary>Admins only (bearer token): cluster diagnostics such as where a case's grains run.</summary>
    public const string Admin = "admin";

    /// <summary>Crews: their own vehicle's screen feed on the crew hub (the vehicle claim says which).</summary>
    public const string CrewFeed = "crew-feed";
}
