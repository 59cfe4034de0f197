using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace EmergencyLink.Ehr.Tests;

/// <summary>
/// The EHR push as the host composes it (the same DI registration), over an outbox file in the test's folder or a
/// test database (a cluster node), with short back-offs so that retries take milliseconds. Disposing stops the
/// service and closes the outbox, as a host shutting down would.
/// </summary>
public sealed class EhrHarness : IAsyncDisposable
{
    private readonly ServiceProvider provider;
    private bool started;

    private EhrHarness(ServiceProvider provider)
    {
        this.provider = provider;
        Service = provider.GetRequiredService<EhrPushService>();
        Push = provider.GetRequiredService<IEhrPush>();
    }

    public EhrPushService Service { get; }

    public IEhrPush Push { get; }

    public static string OutboxPathIn(string folder) => Path.Combine(folder, "ehr-outbox.db");

    /// <param name="hospitals">Hospital id to FHIR base URL.</param>
    /// <param name="settings">More <c>Ehr:</c> settings (keys below the section), overriding the short defaults.</param>
    public static EhrHarness Create(
        string folder, IReadOnlyDictionary<string, Uri> hospitals, IReadOnlyDictionary<string, string>? settings = null, TimeProvider? time = null) =>
        Build(hospitals, settings, time, (services, section) => services.AddEhrPush(section, OutboxPathIn(folder)));

    /// <summary>One node of a cluster whose outbox is in the given database.</summary>
    public static EhrHarness CreateOnPostgreSql(
        string connectionString, IReadOnlyDictionary<string, Uri> hospitals, IReadOnlyDictionary<string, string>? settings = null) =>
        Build(hospitals, settings, null,
            (services, section) => services.AddEhrPushOnPostgreSql(section, connectionString, EmergencyLink.Storage.PostgreSql.PostgreSqlSchema.MigrateAsync));

    private static EhrHarness Build(
        IReadOnlyDictionary<string, Uri> hospitals, IReadOnlyDictionary<string, string>? settings, TimeProvider? time,
        Action<IServiceCollection, IConfiguration> addPush)
    {
        var values = new Dictionary<string, string?>
        {
            ["Ehr:InitialBackoff"] = "00:00:00.020",
            ["Ehr:MaxBackoff"] = "00:00:00.100",
            ["Ehr:RequestTimeout"] = "00:00:05",
        };
        foreach (var (id, url) in hospitals)
        {
            values[$"Ehr:Hospitals:{id}:BaseUrl"] = url.ToString();
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            values["Ehr:" + key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging();
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        addPush(services, configuration.GetSection(EhrOptions.Section));
        return new EhrHarness(services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true }));
    }

    public async Task StartAsync()
    {
        await Service.StartAsync(CancellationToken.None);
        started = true;
    }

    public Task<EhrStatus> StatusAsync(string hospitalId) => Service.GetStatusAsync(hospitalId, CancellationToken.None);

    /// <summary>Waits (polling the status, as an operator would) until the condition holds for the hospital.</summary>
    public async Task<EhrStatus> WaitForAsync(string hospitalId, Func<EhrStatus, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(5));
        while (true)
        {
            var status = await StatusAsync(hospitalId);
            if (condition(status))
            {
                return status;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture, $"Hospital {hospitalId}'s EHR status never got there: {status}"));
            }

            await Task.Delay(10);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (started)
        {
            await Service.StopAsync(CancellationToken.None);
        }

        await provider.DisposeAsync();
    }
}
