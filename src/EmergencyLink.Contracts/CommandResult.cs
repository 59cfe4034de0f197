namespace EmergencyLink.Contracts;

/// <summary>
/// The answer of a grain command. Grains answer refusals with a value rather than an exception: refusals are
/// ordinary outcomes, and values cross silos without exception-serialization surprises.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record CommandResult<T>(
    [property: Id(0)] CommandStatus Status,
    [property: Id(1)] T? Value,
    [property: Id(2)] string? Error,
    [property: Id(3)] IReadOnlyList<string>? PermittedTriggers)
    where T : class
{
    public bool Succeeded => Status is CommandStatus.Ok or CommandStatus.Created;

    public static CommandResult<T> Ok(T value) => new(CommandStatus.Ok, value, null, null);

    public static CommandResult<T> Created(T value) => new(CommandStatus.Created, value, null, null);

    public static CommandResult<T> NotFound(string error) => new(CommandStatus.NotFound, null, error, null);

    public static CommandResult<T> Invalid(string error) => new(CommandStatus.Invalid, null, error, null);

    public static CommandResult<T> Conflict(string error, IReadOnlyList<string>? permitted = null) =>
        new(CommandStatus.Conflict, null, error, permitted);

    /// <summary>The same refusal for another value type.</summary>
    public CommandResult<TOther> Cast<TOther>()
        where TOther : class => new(Status, null, Error, PermittedTriggers);
}
