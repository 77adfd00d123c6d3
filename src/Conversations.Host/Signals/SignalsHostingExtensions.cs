using Conversations.Grains.Signals;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Signals;

public static class SignalsHostingExtensions
{
    /// <summary>
    /// The signal rules the lead grains run, with their windows and thresholds and the reply phrases from configuration,
    /// and the settings of the signal stream.
    /// </summary>
    public static IServiceCollection AddConversationsSignals(this IServiceCollection services)
    {
        services.AddSingleton<IValidateOptions<SignalRuleOptions>, SignalRuleOptionsValidator>();
        services.AddOptions<SignalRuleOptions>().BindConfiguration(SignalRuleOptions.SectionName).ValidateOnStart();
        services.AddOptions<ReplyIntentPhrases>().BindConfiguration(ReplyIntentPhrasesSection);
        services.AddSingleton(sp => new SignalDetector(
            sp.GetRequiredService<IOptions<SignalRuleOptions>>().Value,
            new ReplyIntentClassifier(sp.GetRequiredService<IOptions<ReplyIntentPhrases>>().Value)));
        services.AddSingleton<IValidateOptions<SignalStreamOptions>, SignalStreamOptionsValidator>();
        services.AddOptions<SignalStreamOptions>().BindConfiguration(SignalStreamOptions.SectionName).ValidateOnStart();
        return services;
    }

    public const string ReplyIntentPhrasesSection = $"{SignalRuleOptions.SectionName}:ReplyIntent";
}
