using Microsoft.Extensions.Options;

namespace Conversations.Host.Replay;

/// <summary>Access to the operator endpoints (<c>/api/admin/*</c>). Bound from <c>Conversations:Admin</c>.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Conversations:Admin";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The key operators send in the <c>X-Api-Key</c> header. At least 16 characters.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Lets admin requests in without a key: for development only (the Development settings set it).</summary>
    public bool AllowUnauthenticated { get; set; }
}

public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options) =>
        options.ApiKey is { Length: > 0 and < 16 }
            ? ValidateOptionsResult.Fail($"{AdminOptions.SectionName}:ApiKey must be at least 16 characters.")
            : ValidateOptionsResult.Success;
}
