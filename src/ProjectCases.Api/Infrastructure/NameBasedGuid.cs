using System.Security.Cryptography;
using System.Text;

namespace ProjectCases.Infrastructure;

/// <summary>RFC 9562 version-5 (name-based, SHA-1) UUIDs: the same namespace and name always give the same id.</summary>
public static class NameBasedGuid
{
    public static Guid Create(Guid @namespace, string name)
    {
        var input = @namespace.ToByteArray(bigEndian: true).Concat(Encoding.UTF8.GetBytes(name)).ToArray();
        var hash = SHA1.HashData(input).AsSpan(0, 16).ToArray();
        hash[6] = (byte)((hash[6] & 0x0F) | 0x50); // version 5
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80); // RFC variant
        return new Guid(hash, bigEndian: true);
    }
}
