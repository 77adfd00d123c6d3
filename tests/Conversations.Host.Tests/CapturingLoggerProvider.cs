using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Conversations.Host.Tests;

/// <summary>
/// Keeps everything logged through it as text: level, category, event, the formatted message, every value of the
/// state, every scope with its values, and the exception. Enabled for every level; filters decide what reaches it.
/// </summary>
public sealed class CapturingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<CapturedLog> _entries = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<CapturedLog> Entries => _entries;

    public ILogger CreateLogger(string categoryName) => new CapturingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private static void AppendValues(StringBuilder text, object? state)
    {
        if (state is not IEnumerable<KeyValuePair<string, object?>> values) return;
        foreach (var (name, value) in values) text.Append(' ').Append(name).Append('=').Append(value);
    }

    private sealed class CapturingLogger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var text = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(" [").Append(eventId).Append("] ")
                .Append(formatter(state, exception));
            AppendValues(text, state);
            owner._scopes.ForEachScope((scope, builder) =>
            {
                builder.Append(" => ").Append(scope);
                AppendValues(builder, scope);
            }, text);
            if (exception is not null) text.AppendLine().Append(exception);
            owner._entries.Enqueue(new CapturedLog(logLevel, category, text.ToString()));
        }
    }
}

/// <summary>One captured log entry, <see cref="Text"/> holding everything it said.</summary>
public sealed record CapturedLog(LogLevel Level, string Category, string Text);
