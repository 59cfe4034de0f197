namespace EmergencyLink.Storage.Tests;

public sealed class SqliteGrainStorageTests : GrainStorageContract
{
    protected override Task<StorageHarness> HarnessAsync() => Task.FromResult<StorageHarness>(new SqliteStorageHarness());
}
