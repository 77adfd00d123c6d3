using System.Text;
using Conversations.Ingestion.Authenticity;
using Conversations.Ingestion.Tests.Support;

namespace Conversations.Ingestion.Tests.AllProviders;

/// <summary>
/// What a verifier must answer for a mutated body, in four kinds of delivery chosen by the mutant's seed. Each rule
/// returns null when it holds and what went wrong otherwise.
/// </summary>
internal static class VerdictRules
{
    public static string? Check(ProviderUnderTest provider, Mutant mutant, IReadOnlyList<WebhookDelivery> authenticFixtures) =>
        (mutant.Seed % 4) switch
        {
            0 => SignedOverTheMutant(provider, mutant.Body),
            1 => SignedOverTheOriginal(provider, mutant, authenticFixtures[mutant.Fixture]),
            2 => WithForgedCredential(provider, mutant, authenticFixtures[mutant.Fixture]),
            _ => WithTamperedHeaderOrToken(provider, mutant, authenticFixtures[mutant.Fixture]),
        };

    /// <summary>Authentic, unless the body carries a secret the mutation may have broken.</summary>
    public static string? SignedOverTheMutant(ProviderUnderTest provider, byte[] body)
    {
        var verdict = provider.Verifier.Verify(provider.Authentic(body));
        if (verdict.IsAuthentic) return null;
        return provider.BodyCarriesSecret ? CleanRefusal(provider, verdict) : $"signed body refused: {verdict.Reason}";
    }

    /// <summary>A signature over other bytes never passes; a URL token does not depend on the body.</summary>
    private static string? SignedOverTheOriginal(ProviderUnderTest provider, Mutant mutant, WebhookDelivery original)
    {
        if (!provider.SignsBody || !mutant.Changed) return SignedOverTheMutant(provider, mutant.Body);
        var verdict = provider.Verifier.Verify(original with { Body = mutant.Body });
        return verdict.IsAuthentic ? "a signature over other bytes accepted" : CleanRefusal(provider, verdict);
    }

    private static string? WithForgedCredential(ProviderUnderTest provider, Mutant mutant, WebhookDelivery original)
    {
        var forged = RandomCredential(mutant.Random);
        var delivery = provider.SignatureHeader is { } header
            ? original with { Body = mutant.Body, Headers = WithHeader(original.Headers, header, forged) }
            : original with { Body = mutant.Body, UrlToken = forged };
        var verdict = provider.Verifier.Verify(delivery);
        return verdict.IsAuthentic ? "a forged credential accepted" : CleanRefusal(provider, verdict);
    }

    /// <summary>One header or the token edited: either verdict may be right, but never an exception or a bare refusal.</summary>
    private static string? WithTamperedHeaderOrToken(ProviderUnderTest provider, Mutant mutant, WebhookDelivery original)
    {
        var random = mutant.Random;
        var names = original.Headers.Keys.ToList();
        var which = random.Next(names.Count + (original.UrlToken is null ? 0 : 1));
        var delivery = which == names.Count
            ? original with { Body = mutant.Body, UrlToken = Tampered(original.UrlToken!, random) }
            : original with { Body = mutant.Body, Headers = WithHeader(original.Headers, names[which], Tampered(original.Headers[names[which]], random)) };
        var verdict = provider.Verifier.Verify(delivery);
        return verdict.IsAuthentic ? null : CleanRefusal(provider, verdict);
    }

    /// <summary>Refused with a reason that quotes no secret.</summary>
    public static string? CleanRefusal(ProviderUnderTest provider, VerificationResult verdict)
    {
        if (verdict.IsAuthentic) return "accepted";
        if (string.IsNullOrWhiteSpace(verdict.Reason)) return "refused without a reason";
        return provider.Secrets.Any(secret => verdict.Reason.Contains(secret, StringComparison.Ordinal)) ? "the refusal quotes a secret" : null;
    }

    // Latin-1, as a server may hand over header bytes it cannot read as ASCII.
    private static string Tampered(string value, Random random) =>
        Encoding.Latin1.GetString(SeededMutants.Mutate(Encoding.Latin1.GetBytes(value), random));

    private static string? RandomCredential(Random random) => random.Next(6) switch
    {
        0 => null,
        1 => new string((char)random.Next(32, 127), random.Next(0, 400)),
        2 => Convert.ToBase64String(RandomBytes(random, random.Next(0, 600))),
        _ => Convert.ToBase64String(RandomBytes(random, 256)),
    };

    private static byte[] RandomBytes(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }

    private static Dictionary<string, string> WithHeader(IReadOnlyDictionary<string, string> headers, string name, string? value)
    {
        var copy = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        if (value is null) copy.Remove(name);
        else copy[name] = value;
        return copy;
    }
}
