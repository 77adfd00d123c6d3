using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace Conversations.Host.Tests.Fuzz;

/// <summary>
/// A host under fuzz that keeps what it logs as errors, to be shown with a failure: a 5xx's body names no cause,
/// the exception behind it is only in the log.
/// </summary>
public sealed class FuzzHost : IAsyncDisposable
{
    private const int ErrorsShown = 5;
    private readonly CapturingLoggerProvider _logs = new();
    private readonly ConversationsHostFactory _host;
    private readonly WebApplicationFactory<Program> _capturing;

    public FuzzHost(ConversationsHostFactory host)
    {
        _host = host;
        _capturing = host.WithWebHostBuilder(builder => builder.ConfigureLogging(logging => logging
            .AddProvider(_logs).AddFilter<CapturingLoggerProvider>(category: null, LogLevel.Error)));
        Client = _capturing.CreateClient();
    }

    public HttpClient Client { get; }

    /// <summary>The first errors the host logged, each with its exception's type, message and stack.</summary>
    public string Errors() =>
        string.Join(Environment.NewLine, _logs.Entries.Where(e => e.Level >= LogLevel.Error).Take(ErrorsShown).Select(e => e.Text));

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _capturing.DisposeAsync();
        await _host.DisposeAsync();
    }
}
