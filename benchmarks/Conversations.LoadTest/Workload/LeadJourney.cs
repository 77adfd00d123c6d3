namespace Conversations.LoadTest.Workload;

/// <summary>
/// One lead moving through its sequences, in time order: each step is an email sent, maybe opened, then
/// maybe clicked and/or replied; a reply or the last step ends the enrolment and the lead is enrolled in
/// the next campaign. Times lie in the past week, so every delivery is one the service accepts as recent.
/// Thread-safe: concurrent request loops may take steps of the same lead.
/// </summary>
internal sealed class LeadJourney
{
    private static readonly TimeSpan StepSpacing = TimeSpan.FromDays(2);

    private readonly Lock _lock = new();
    private readonly Dice _dice;
    private readonly DateTimeOffset _earliestSend;
    private readonly DateTimeOffset _latestSend;
    private readonly int _campaigns;
    private DateTimeOffset _cursor;
    private int _round = -1;
    private int _step;
    private bool _ended = true;

    public LeadJourney(LeadProfile profile, int campaigns, ulong seed, DateTimeOffset now)
    {
        Profile = profile;
        _campaigns = campaigns;
        _dice = new Dice(seed ^ ((ulong)profile.Index * 0x2545F4914F6CDD1DUL));
        // A step's follow-ups come at most ~28 h after its email: sending no later than 30 h ago keeps them in the past.
        _earliestSend = now - TimeSpan.FromDays(6);
        _latestSend = now - TimeSpan.FromHours(30);
        _cursor = _earliestSend + _dice.Between(TimeSpan.Zero, TimeSpan.FromHours(12));
    }

    public LeadProfile Profile { get; }

    /// <summary>The lead's next email and what the lead did with it, in time order.</summary>
    public IReadOnlyList<PlannedEvent> NextStep()
    {
        var events = new List<PlannedEvent>(4);
        lock (_lock) PlanNextStep(events);
        return events;
    }

    private void PlanNextStep(List<PlannedEvent> events)
    {
        if (_ended || _step >= FunnelRates.MaxSteps || _cursor > _latestSend) Enrol();
        _step++;
        var campaign = (Profile.Index + _round * 7) % _campaigns;
        var sent = _cursor;
        events.Add(new PlannedEvent(DeliveryKind.Sent, _round, _step, campaign, sent));
        _cursor = sent + StepSpacing + _dice.Between(TimeSpan.FromHours(-6), TimeSpan.FromHours(6));

        if (!_dice.Chance(FunnelRates.Open)) return;
        var opened = sent + _dice.Between(TimeSpan.FromMinutes(5), TimeSpan.FromHours(8));
        events.Add(new PlannedEvent(DeliveryKind.Opened, _round, _step, campaign, opened));

        if (_dice.Chance(FunnelRates.ClickGivenOpen))
        {
            var clicked = opened + _dice.Between(TimeSpan.FromSeconds(20), TimeSpan.FromMinutes(15));
            events.Add(new PlannedEvent(DeliveryKind.Clicked, _round, _step, campaign, clicked, Links.Pick(_dice)));
        }
        if (_dice.Chance(FunnelRates.ReplyGivenOpen))
        {
            var replied = opened + _dice.Between(TimeSpan.FromMinutes(20), TimeSpan.FromHours(20));
            events.Add(new PlannedEvent(DeliveryKind.Replied, _round, _step, campaign, replied));
            _ended = true;
        }
    }

    /// <summary>Starts the next enrolment: later in the week if there is room, else back at its start.</summary>
    private void Enrol()
    {
        _round++;
        _step = 0;
        _ended = false;
        if (_cursor > _latestSend) _cursor = _earliestSend + _dice.Between(TimeSpan.Zero, TimeSpan.FromHours(12));
    }
}
