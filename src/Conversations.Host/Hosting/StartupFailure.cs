using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

/// <summary>
/// Turns configuration errors at startup into one paragraph on standard error and exit code 78
/// (EX_CONFIG), instead of an unhandled-exception stack trace: however many there are (several validators
/// failing at once arrive as one <see cref="AggregateException"/>) and of whatever kind (a failed validation,
/// a value that cannot be read as its setting's type, an Orleans configuration error).
/// </summary>
public static partial class StartupFailure
{
    public const int ConfigurationErrorExitCode = 78;

    /// <summary>
    /// From now on, a configuration error that escapes <c>Main</c> is reported as one paragraph and ends the
    /// process with <see cref="ConfigurationErrorExitCode"/>. An event handler rather than a catch in <c>Main</c>:
    /// integration tests host <c>Main</c> and must see the exception itself.
    /// </summary>
    public static void ReportConfigurationErrorsAtExit() =>
        AppDomain.CurrentDomain.UnhandledException += (_, e) =>
        {
            if (e.ExceptionObject is not Exception exception || !IsConfigurationError(exception)) return;
            Report(exception, Console.Error);
            Environment.Exit(ConfigurationErrorExitCode);
        };

    /// <summary>
    /// Validates every option registered with ValidateOnStart now, before the host starts anything (the silo
    /// starts early), so that a configuration error stops the service before it has done any work.
    /// </summary>
    public static void ValidateConfiguration(this WebApplication app) =>
        app.Services.GetService<IStartupValidator>()?.Validate();

    /// <summary>Whether the exception is made of configuration errors only (a bug elsewhere keeps its stack trace).</summary>
    public static bool IsConfigurationError(Exception exception)
    {
        var causes = Causes(exception).ToList();
        return causes.Count > 0 && causes.All(cause => Problems(cause) is not null);
    }

    public static void Report(Exception exception, TextWriter error)
    {
        var problems = Causes(exception).SelectMany(cause => Problems(cause) ?? [cause.Message]).Distinct();
        error.WriteLine($"Orleans.Conversations did not start: its configuration is invalid. {string.Join(" ", problems.Select(EndWithPeriod))} " +
            "Fix the settings named above (appsettings.json, environment variables such as Conversations__Access__ApiKeys__0__Sha256, or the command line) and start it again.");
    }

    private static IEnumerable<Exception> Causes(Exception exception) => exception switch
    {
        AggregateException aggregate => aggregate.InnerExceptions.SelectMany(Causes),
        TargetInvocationException { InnerException: { } inner } => Causes(inner),
        _ => [exception],
    };

    /// <summary>What a configuration error says is wrong, or null when the exception is not one.</summary>
    private static IEnumerable<string>? Problems(Exception exception) => exception switch
    {
        OptionsValidationException validation => validation.Failures,
        OrleansConfigurationException orleans => [orleans.Message],
        InvalidOperationException binding when UnreadableValue().Match(binding.Message) is { Success: true } match =>
            // The value itself is left out: it may be a secret set under the wrong name.
            [$"{match.Groups["path"].Value} cannot be read as {TypeName(match.Groups["type"].Value)}"],
        _ => null,
    };

    private static string TypeName(string clrType) => clrType switch
    {
        "System.Boolean" => "true or false",
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Decimal" => "a number",
        "System.TimeSpan" => "a time span (hh:mm:ss)",
        _ => $"a {clrType.Split('.')[^1]}",
    };

    // The configuration binder's message for a value it cannot convert (Microsoft.Extensions.Configuration.Binder).
    [GeneratedRegex("^Failed to convert configuration value (?:'.*' )?at '(?<path>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex UnreadableValue();

    private static string EndWithPeriod(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";
}
