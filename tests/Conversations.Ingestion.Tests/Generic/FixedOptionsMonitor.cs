using Microsoft.Extensions.Options;

namespace Conversations.Ingestion.Tests.Generic;

/// <summary>Options that never change, for constructing a verifier without a container.</summary>
internal sealed class FixedOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
