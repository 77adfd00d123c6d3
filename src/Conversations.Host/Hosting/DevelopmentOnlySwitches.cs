using Conversations.Host.Access;
using Conversations.Ingestion;
using Conversations.Ingestion.Authenticity;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

/// <summary>
/// Switches that open a door without a credential. They exist so that <c>dotnet run</c> works out of the box;
/// outside Development the service refuses to start while any of them is on, naming each.
/// </summary>
public sealed class DevelopmentOnlySwitches
{
    /// <summary>The configuration keys of every switch that is on; <paramref name="providerSections"/> are the providers' settings sections.</summary>
    public static IEnumerable<string> EnabledIn(IConfiguration configuration, IEnumerable<string> providerSections)
    {
        var keys = providerSections.Select(section => $"{section}:{nameof(ProviderOptions.AllowUnauthenticated)}")
            .Append($"{OperatorAccessOptions.SectionName}:{nameof(OperatorAccessOptions.AllowAnonymous)}");
        return keys.Where(key => configuration.GetValue<bool>(key));
    }
}

public sealed class DevelopmentOnlySwitchesValidator(
    IConfiguration configuration,
    IHostEnvironment environment,
    WebhookProviders providers) : IValidateOptions<DevelopmentOnlySwitches>
{
    /// <summary>The admin section's former settings: refused so that an upgrade does not silently drop the key.</summary>
    private static readonly string[] RetiredSettings = ["Conversations:Admin:ApiKey", "Conversations:Admin:AllowUnauthenticated"];

    public ValidateOptionsResult Validate(string? name, DevelopmentOnlySwitches options)
    {
        var failures = new List<string>();
        if (!environment.IsDevelopment())
        {
            failures.AddRange(DevelopmentOnlySwitches.EnabledIn(configuration, providers.All.OrderBy(p => p.Name, StringComparer.Ordinal).Select(p => p.Section)).Select(key =>
                $"{key}=true is for development only and is refused in the '{environment.EnvironmentName}' environment: configure a credential instead."));
        }
        failures.AddRange(RetiredSettings.Where(key => configuration[key] is not null).Select(key =>
            $"{key} is no longer read: operator keys are configured under {OperatorAccessOptions.SectionName}:ApiKeys (see the README's Security section)."));
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
