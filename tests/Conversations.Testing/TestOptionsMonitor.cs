using Microsoft.Extensions.Options;

namespace Conversations.Testing;

/// <summary>
/// Options as a test gives them, for building a component without a container: nothing validates them (so a
/// test can hand over bad settings), and setting <see cref="CurrentValue"/> is what a configuration reload does.
/// </summary>
public sealed class TestOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue { get; set; } = value;

    public T Get(string? name) => CurrentValue;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
