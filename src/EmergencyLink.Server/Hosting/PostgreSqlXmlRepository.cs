using System.Xml.Linq;
using EmergencyLink.Storage.PostgreSql;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;

namespace EmergencyLink.Server.Hosting;

/// <summary>
/// The data-protection key ring in the cluster's database, so a console cookie (or a Blazor circuit's state) that one
/// node protected is readable by every other: a browser sent to another node after a failover stays signed in.
/// The keys are stored unencrypted, like the default file repository; the database is what must be protected.
/// </summary>
public sealed class PostgreSqlXmlRepository(NpgsqlDataSource dataSource) : IXmlRepository
{
    private readonly Lazy<bool> migrated = new(() =>
    {
        new PostgreSqlSecretStore(dataSource).MigrateAsync().GetAwaiter().GetResult();
        return true;
    });

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        _ = migrated.Value;
        using var connection = dataSource.OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY created_utc, friendly_name", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
        {
            elements.Add(XElement.Parse(reader.GetString(0)));
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        _ = migrated.Value;
        using var connection = dataSource.OpenConnection();

        // Friendly names are "key-<guid>": a second store of one name is the same key, so the first is kept.
        using var command = new NpgsqlCommand(
            "INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@n, @x) ON CONFLICT (friendly_name) DO NOTHING", connection);
        command.Parameters.AddWithValue("n", friendlyName);
        command.Parameters.AddWithValue("x", element.ToString(SaveOptions.DisableFormatting));
        command.ExecuteNonQuery();
    }
}
