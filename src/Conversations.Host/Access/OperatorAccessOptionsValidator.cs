using Microsoft.Extensions.Options;

namespace Conversations.Host.Access;

public sealed class OperatorAccessOptionsValidator : IValidateOptions<OperatorAccessOptions>
{
    private const string Section = OperatorAccessOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, OperatorAccessOptions options)
    {
        var failures = new List<string>();
        for (var i = 0; i < options.ApiKeys.Count; i++) ValidateKey($"{Section}:ApiKeys:{i}", options.ApiKeys[i], failures);
        foreach (var duplicate in options.ApiKeys.GroupBy(k => k.Sha256, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            failures.Add($"{Section}:ApiKeys holds the same key twice ({string.Join(", ", duplicate.Select(k => k.Name))}).");
        ValidateJwt(options.Jwt, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void ValidateKey(string path, ApiKeyOptions key, List<string> failures)
    {
        if (string.IsNullOrWhiteSpace(key.Name)) failures.Add($"{path}:Name must name who holds the key.");
        if (!ApiKeyHash.TryParse(key.Sha256, out _))
            failures.Add($"{path}:Sha256 must be the key's SHA-256 as 64 hex digits (run the service with 'new-api-key' to make a key and its hash).");
        if (key.Scopes.Count == 0) failures.Add($"{path}:Scopes must list at least one of: {string.Join(", ", OperatorScopes.All)}.");
        foreach (var scope in key.Scopes.Where(s => !OperatorScopes.All.Contains(s)))
            failures.Add($"{path}:Scopes has '{scope}', which is not one of: {string.Join(", ", OperatorScopes.All)}.");
    }

    private static void ValidateJwt(JwtAccessOptions jwt, List<string> failures)
    {
        var path = $"{Section}:Jwt";
        var anySet = !string.IsNullOrWhiteSpace(jwt.Authority) || !string.IsNullOrWhiteSpace(jwt.Audience) || !string.IsNullOrWhiteSpace(jwt.SigningKeyPem);
        if (!anySet) return;
        if (string.IsNullOrWhiteSpace(jwt.Audience)) failures.Add($"{path}:Audience must be set when JWT bearer access is configured.");
        if (string.IsNullOrWhiteSpace(jwt.Authority) && string.IsNullOrWhiteSpace(jwt.SigningKeyPem))
            failures.Add($"{path}:Authority (or {path}:SigningKeyPem) must be set when JWT bearer access is configured.");
        if (!string.IsNullOrWhiteSpace(jwt.Authority) && !Uri.TryCreate(jwt.Authority, UriKind.Absolute, out _))
            failures.Add($"{path}:Authority must be an absolute URL.");
        if (!string.IsNullOrWhiteSpace(jwt.SigningKeyPem) && !JwtSigningKey.TryCreate(jwt.SigningKeyPem, out _))
            failures.Add($"{path}:SigningKeyPem must be a PEM public key (RSA or EC).");
        if (!string.IsNullOrWhiteSpace(jwt.SigningKeyPem) && string.IsNullOrWhiteSpace(jwt.Authority) && string.IsNullOrWhiteSpace(jwt.Issuer))
            failures.Add($"{path}:Issuer must be set when tokens are verified with {path}:SigningKeyPem.");
        if (string.IsNullOrWhiteSpace(jwt.ReadScope) || string.IsNullOrWhiteSpace(jwt.AdminScope))
            failures.Add($"{path}:ReadScope and {path}:AdminScope must not be empty.");
    }
}
