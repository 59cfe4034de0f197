namespace EmergencyLink.Ehr.Tests;

/// <summary>
/// How the test EHR answers one request; <paramref name="Hang"/> makes it never answer (until the client gives up),
/// <paramref name="Delay"/> makes it answer late (so that overlapping senders would be seen overlapping).
/// </summary>
public sealed record ReceiverAnswer(int Status, string? Body = null, bool Hang = false, TimeSpan? Delay = null)
{
    public static ReceiverAnswer Created { get; } = new(201);
}
