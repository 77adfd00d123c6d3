using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.Host.Access;

/// <summary>A signing key from a PEM public key: RSA or EC, whichever the PEM holds.</summary>
internal static class JwtSigningKey
{
    public static bool TryCreate(string pem, out SecurityKey key)
    {
        try
        {
            var rsa = RSA.Create();
            rsa.ImportFromPem(pem);
            key = new RsaSecurityKey(rsa);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
        }
        try
        {
            var ec = ECDsa.Create();
            ec.ImportFromPem(pem);
            key = new ECDsaSecurityKey(ec);
            return true;
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            key = null!;
            return false;
        }
    }
}
