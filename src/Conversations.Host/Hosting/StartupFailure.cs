using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

/// <summary>
/// Turns a configuration error at startup into one paragraph on standard error and exit code 78
/// (EX_CONFIG), instead of an unhandled-exception stack trace.
/// </summary>
public static class StartupFailure
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

    public static bool IsConfigurationError(Exception exception) =>
        Unwrap(exception) is OptionsValidationException or OrleansConfigurationException;

    public static void Report(Exception exception, TextWriter error)
    {
        var problems = Unwrap(exception) is OptionsValidationException validation
            ? validation.Failures
            : [Unwrap(exception).Message];
        error.WriteLine($"Orleans.Conversations did not start: its configuration is invalid. {string.Join(" ", problems.Select(EndWithPeriod))} " +
            "Fix the settings named above (appsettings.json, environment variables such as Conversations__Access__ApiKeys__0__Sha256, or the command line) and start it again.");
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerExceptions[0]) : exception;

    private static string EndWithPeriod(string text) => text.TrimEnd().EndsWith('.') ? text.TrimEnd() : text.TrimEnd() + ".";
}
