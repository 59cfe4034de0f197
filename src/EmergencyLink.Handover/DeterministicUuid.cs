using System.Security.Cryptography;
using System.Text;

namespace EmergencyLink.Handover;

/// <summary>
/// Name-based UUIDs (RFC 9562 version 5, SHA-1): the same case and resource always get the same urn:uuid, so a
/// regenerated document is byte-for-byte comparable with the previous one and receivers can match entries.
/// </summary>
internal static class DeterministicUuid
{
    // A fixed namespace of our own so our names cannot collide with another system's version-5 UUIDs.
    private static readonly byte[] Namespace = new Guid("6b1f0d52-3c8e-4f4e-9d1e-2a9f5e7c4b11").ToByteArray(bigEndian: true);

    public static Guid Create(string name)
    {
        var nameBytes = Encoding.UTF8.GetBytes(name);
        Span<byte> input = nameBytes.Length + Namespace.Length <= 512
            ? stackalloc byte[nameBytes.Length + Namespace.Length]
            : new byte[nameBytes.Length + Namespace.Length];
        Namespace.CopyTo(input);
        nameBytes.CopyTo(input[Namespace.Length..]);
        Span<byte> hash = stackalloc byte[20];
        SHA1.HashData(input, hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    public static string Urn(string name) => "urn:uuid:" + Create(name).ToString("D");
}
