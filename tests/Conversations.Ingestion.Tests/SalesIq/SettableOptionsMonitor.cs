using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Tests.SalesIq;

/// <summary>Options whose value a test sets, as a configuration reload would.</summary>
internal sealed class SettableOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
