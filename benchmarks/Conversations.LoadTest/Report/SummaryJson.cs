using System.Text.Json.Serialization;

namespace Conversations.LoadTest.Report;

/// <summary>The JSON form of <see cref="LoadSummary"/> written by <c>load --json</c> and read by <c>compare</c>.</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, WriteIndented = true)]
[JsonSerializable(typeof(LoadSummary))]
internal sealed partial class SummaryJson : JsonSerializerContext;
