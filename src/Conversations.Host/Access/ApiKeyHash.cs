using System.Security.Cryptography;
using System.Text;

namespace Conversations.Host.Access;

/// <summary>
/// API keys are configured as their SHA-256, so a leaked configuration does not reveal them; keys are random
/// and long, so a fast hash is enough (there is no password to guess).
/// </summary>
public static class ApiKeyHash
{
    public const int KeyBytes = 32;

    public static byte[] Of(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    public static bool TryParse(string? hex, out byte[] hash)
    {
        hash = [];
        if (hex is not { Length: 64 }) return false;
        try
        {
            hash = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>A new random key (base64url, 256 bits) and its hash as configured.</summary>
    public static (string Key, string Sha256) NewKey()
    {
        var key = "cvk_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(KeyBytes)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (key, Convert.ToHexStringLower(Of(key)));
    }
}
