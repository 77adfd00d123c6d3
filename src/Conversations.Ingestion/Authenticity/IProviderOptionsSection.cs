namespace Conversations.Ingestion.Authenticity;

/// <summary>Options of a provider with settings of its own, which say where they are bound from.</summary>
public interface IProviderOptionsSection
{
    /// <summary>The configuration section, <c>Conversations:Providers:&lt;Provider&gt;</c>.</summary>
    static abstract string Section { get; }
}
