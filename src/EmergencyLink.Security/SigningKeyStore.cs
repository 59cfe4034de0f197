using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace EmergencyLink.Security;

/// <summary>
/// The development signing key: 256 random bits in a file beside the database, made on first use by whichever
/// comes first, the server or the CLI. Production supplies its key or authority through configuration instead.
/// </summary>
public static class SigningKeyStore
{
    public const string FileName = "signing.key";

    /// <summary>
    /// The development key's name in a cluster's PostgreSQL (<c>cluster_secrets</c>), where the nodes keep the one key
    /// they all trust instead of a file each.
    /// </summary>
    public const string ClusterSecretName = "jwt-signing-key";

    public static string KeyPathFor(string storagePath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(storagePath))!, FileName);

    public static SymmetricSecurityKey GetOrCreate(string keyPath)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyPath))!);
        if (!File.Exists(keyPath))
        {
            var fresh = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            try
            {
                // CreateNew: if the server and the CLI race on first run, one key wins and both read it.
                using var stream = new FileStream(keyPath, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                using var writer = new StreamWriter(stream);
                writer.Write(fresh);
            }
            catch (IOException) when (File.Exists(keyPath))
            {
            }

            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(keyPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return FromBase64(File.ReadAllText(keyPath).Trim());
    }

    public static SymmetricSecurityKey FromBase64(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        if (bytes.Length < 32)
        {
            throw new InvalidOperationException("The signing key must be at least 256 bits (HS256).");
        }

        return new SymmetricSecurityKey(bytes) { KeyId = KeyIdOf(bytes) };
    }

    private static string KeyIdOf(byte[] key) => Convert.ToHexString(SHA256.HashData(key))[..16].ToLowerInvariant();
}
