using System.Security.Cryptography;
using Microsoft.IdentityModel.Tokens;

namespace Conversations.Host.Access;

/// <summary>A signing key from a PEM public key: RSA or EC, whichever the PEM holds.</summary>
internal static class JwtSigningKey
{
    public static bool TryCreate(string pem, out SecurityKey key)
    {
        key = TryImport(RSA.Create(), pem, rsa => new RsaSecurityKey(rsa))
            ?? TryImport(ECDsa.Create(), pem, ec => new ECDsaSecurityKey(ec))!;
        return key is not null;
    }

    private static SecurityKey? TryImport<TAlgorithm>(TAlgorithm algorithm, string pem, Func<TAlgorithm, SecurityKey> toKey)
        where TAlgorithm : AsymmetricAlgorithm
    {
        try
        {
            algorithm.ImportFromPem(pem);
            return toKey(algorithm);
        }
        catch (Exception exception) when (exception is ArgumentException or CryptographicException)
        {
            algorithm.Dispose();
            return null;
        }
    }
}
