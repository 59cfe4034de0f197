namespace EmergencyLink.Security;

/// <summary>Who a token is for. Crew tokens need <see cref="Vehicle"/>, ED tokens <see cref="Hospital"/>.</summary>
public sealed record TokenRequest(string Role, string Name, string? Vehicle = null, string? Hospital = null)
{
    /// <summary>The reason the request cannot become a token, or null when it can.</summary>
    public string? Problem() => Role switch
    {
        _ when !Roles.All.Contains(Role) => $"Unknown role '{Role}'; roles are {string.Join(", ", Roles.All)}.",
        Roles.Crew when string.IsNullOrWhiteSpace(Vehicle) => "A crew token needs the vehicle it acts for.",
        Roles.Ed when string.IsNullOrWhiteSpace(Hospital) => "An ED token needs the hospital it acts for.",
        _ when string.IsNullOrWhiteSpace(Name) => "A token needs a name: it is the actor on every timeline entry.",
        _ => null,
    };
}
