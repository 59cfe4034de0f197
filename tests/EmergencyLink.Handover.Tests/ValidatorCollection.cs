namespace EmergencyLink.Handover.Tests;

[CollectionDefinition(Name)]
public sealed class ValidatorCollection : ICollectionFixture<ValidatorFixture>
{
    public const string Name = "Handover validator";
}
