namespace EmergencyLink.Handover.Tests;

/// <summary>One validator for every test class: building it unpacks the specification and takes seconds.</summary>
public sealed class ValidatorFixture
{
    public HandoverValidator Validator { get; } = new();
}
