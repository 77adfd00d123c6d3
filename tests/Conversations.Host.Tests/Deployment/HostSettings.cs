using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Conversations.Abstractions.Outbox;
using Conversations.Grains.Signals;
using Conversations.Grains.Streams;
using Conversations.Host.Access;
using Conversations.Host.Archive;
using Conversations.Host.Hosting;
using Conversations.Host.Identity;
using Conversations.Host.Limits;
using Conversations.Host.Management;
using Conversations.Host.Signals;
using Conversations.Host.Webhooks;
using Conversations.Ingestion;
using Conversations.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Conversations.Host.Tests.Deployment;

/// <summary>
/// The settings the host reads: each options class under the section its registration binds it from, the providers'
/// sections as the ingestion registry names them, and the one connection string. A key is a setting when the path after
/// its section names public properties down to a value the configuration binder converts from text, with list
/// elements by index: <c>Conversations:Access:ApiKeys:0:Sha256</c> is one, <c>Conversations:Access:ApiKeys:0:Sha265</c>,
/// <c>Conversations:Access:ApiKeys</c> and <c>Conversations:Access:ApiKeys:N:Sha256</c> are not.
/// </summary>
internal static class HostSettings
{
    public static string ConnectionString { get; } = $"ConnectionStrings:{StorageOptions.ConnectionStringName}";

    /// <summary>Every section, from where the host binds it (AddConversationsStorage, AddConversationsSilo, AddConversations*).</summary>
    public static IReadOnlyList<BoundSection> Sections { get; } =
    [
        new(StorageOptions.SectionName, typeof(StorageOptions)),
        new(OutboxOptions.SectionName, typeof(OutboxOptions)),
        new(ConversationsClusterOptions.SectionName, typeof(ConversationsClusterOptions)),
        new(ClusterTlsOptions.SectionName, typeof(ClusterTlsOptions)),
        new(SiloHostingExtensions.DashboardSectionName, typeof(Orleans.Dashboard.DashboardOptions)),
        new($"{SiloHostingExtensions.DashboardSectionName}:{SiloHostingExtensions.ProfilerSectionName}", typeof(Orleans.Dashboard.GrainProfilerOptions)),
        new(OperatorAccessOptions.SectionName, typeof(OperatorAccessOptions)),
        new(ManagementOptions.SectionName, typeof(ManagementOptions)),
        new(IdentityOptions.SectionName, typeof(IdentityOptions)),
        new(ArchiveOptions.SectionName, typeof(ArchiveOptions)),
        new(IngestionOptions.SectionName, typeof(IngestionOptions)),
        new(DeliveryAdmissionOptions.SectionName, typeof(DeliveryAdmissionOptions)),
        new(UnverifiedBodyOptions.SectionName, typeof(UnverifiedBodyOptions)),
        new(HttpLimitsOptions.SectionName, typeof(HttpLimitsOptions)),
        new(RateLimitingOptions.SectionName, typeof(RateLimitingOptions)),
        new(SignalRuleOptions.SectionName, typeof(SignalRuleOptions)),
        new(SignalsHostingExtensions.ReplyIntentPhrasesSection, typeof(ReplyIntentPhrases)),
        new(SignalStreamOptions.SectionName, typeof(SignalStreamOptions)),
        new(StreamPublishingOptions.SectionName, typeof(StreamPublishingOptions)),
        .. ProviderSections(),
    ];

    /// <summary>Whether <paramref name="key"/> (with ':' or '__' between its parts, any case) is a setting the host binds.</summary>
    public static bool IsBound(string key)
    {
        var path = key.Replace("__", ":", StringComparison.Ordinal).Split(':');
        if (string.Equals(string.Join(':', path), ConnectionString, StringComparison.OrdinalIgnoreCase)) return true;
        // The longest section first: Conversations:Cluster:Tls is ClusterTlsOptions, not a property of the cluster's options.
        var section = Sections
            .Select(s => (s.Options, Parts: s.Path.Split(':')))
            .Where(s => s.Parts.Length < path.Length && s.Parts.SequenceEqual(path.Take(s.Parts.Length), StringComparer.OrdinalIgnoreCase))
            .OrderByDescending(s => s.Parts.Length)
            .FirstOrDefault();
        return section.Options is not null && Binds(section.Options, path.AsSpan(section.Parts.Length));
    }

    private static bool Binds(Type type, ReadOnlySpan<string> path)
    {
        if (IsValue(type)) return path.IsEmpty;
        if (path.IsEmpty) return false;
        if (ElementType(type) is { } element)
            return int.TryParse(path[0], NumberStyles.None, CultureInfo.InvariantCulture, out _) && Binds(element, path[1..]);
        if (DictionaryValueType(type) is { } value) return Binds(value, path[1..]);
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { GetMethod.IsPublic: true }
            // Without a public setter the binder can only fill in an object or a list the property already holds.
            && (property.SetMethod is { IsPublic: true } || (!IsValue(property.PropertyType) && !property.PropertyType.IsInterface))
            && Binds(property.PropertyType, path[1..]);
    }

    /// <summary>What the binder converts from one string (its own test: a type converter from string).</summary>
    private static bool IsValue(Type type) => TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static Type? ElementType(Type type)
    {
        if (type.IsArray) return type.GetElementType();
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        Type[] lists = [typeof(List<>), typeof(IList<>), typeof(ICollection<>), typeof(IEnumerable<>), typeof(IReadOnlyList<>), typeof(IReadOnlyCollection<>), typeof(HashSet<>), typeof(ISet<>)];
        return lists.Contains(definition) ? type.GetGenericArguments()[0] : null;
    }

    private static Type? DictionaryValueType(Type type)
    {
        if (!type.IsGenericType) return null;
        var definition = type.GetGenericTypeDefinition();
        Type[] dictionaries = [typeof(Dictionary<,>), typeof(IDictionary<,>), typeof(IReadOnlyDictionary<,>)];
        return dictionaries.Contains(definition) && type.GetGenericArguments()[0] == typeof(string) ? type.GetGenericArguments()[1] : null;
    }

    /// <summary>The providers' sections and settings types, from the ingestion's own registry (every provider it registers).</summary>
    private static IEnumerable<BoundSection> ProviderSections()
    {
        var services = new ServiceCollection()
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddConversationsIngestion();
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<WebhookProviders>().All
            .Select(p => new BoundSection(p.Section, p.Settings.GetType()))
            .ToList();
    }
}
