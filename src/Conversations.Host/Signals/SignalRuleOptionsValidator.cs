using Conversations.Grains.Signals;
using Conversations.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Signals;

public sealed class SignalRuleOptionsValidator : IValidateOptions<SignalRuleOptions>
{
    private static readonly TimeSpan Minute = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan Year = TimeSpan.FromDays(366);

    public ValidateOptionsResult Validate(string? name, SignalRuleOptions options)
    {
        var failures = new List<string>();
        Window(failures, nameof(options.PositiveReplyAfterOpenWindow), options.PositiveReplyAfterOpenWindow);
        Window(failures, nameof(options.HotLeadWindow), options.HotLeadWindow);
        Window(failures, nameof(options.CrossChannelWindow), options.CrossChannelWindow);
        SettingRange.Check(failures, SignalRuleOptions.SectionName, nameof(options.HotLeadOpens), options.HotLeadOpens, 1, 1_000);
        SettingRange.Check(failures, SignalRuleOptions.SectionName, nameof(options.HotLeadOpensWithAClick), options.HotLeadOpensWithAClick, 0, 1_000);
        SettingRange.Check(failures, SignalRuleOptions.SectionName, nameof(options.CrossChannelChannels), options.CrossChannelChannels, 2, 8);
        Rate(failures, nameof(options.CampaignBounceRate), options.CampaignBounceRate);
        Rate(failures, nameof(options.CampaignUnsubscribeRate), options.CampaignUnsubscribeRate);
        SettingRange.Check(failures, SignalRuleOptions.SectionName, nameof(options.CampaignMinimumSent), options.CampaignMinimumSent, 1, 1_000_000);
        if (options.CampaignRecheckInterval < TimeSpan.FromSeconds(1) || options.CampaignRecheckInterval > TimeSpan.FromHours(1))
            failures.Add($"{SignalRuleOptions.SectionName}:{nameof(options.CampaignRecheckInterval)} must be between 00:00:01 and 01:00:00 (was {options.CampaignRecheckInterval}).");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Rate(List<string> failures, string setting, double value)
    {
        if (!(value > 0 && value < 1))
            failures.Add($"{SignalRuleOptions.SectionName}:{setting} must be a fraction above 0 and below 1, e.g. 0.05 for 5% (was {value}).");
    }

    private static void Window(List<string> failures, string setting, TimeSpan value)
    {
        if (value < Minute || value > Year)
            failures.Add($"{SignalRuleOptions.SectionName}:{setting} must be between {Minute} and {Year} as d.hh:mm:ss (was {value}).");
    }
}
