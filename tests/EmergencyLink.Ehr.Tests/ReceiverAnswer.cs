namespace EmergencyLink.Ehr.Tests;

/// <summary>How the test EHR answers one request; <paramref name="Hang"/> makes it never answer (until the client gives up).</summary>
public sealed record ReceiverAnswer(int Status, string? Body = null, bool Hang = false)
{
    public static ReceiverAnswer Created { get; } = new(201);
}
