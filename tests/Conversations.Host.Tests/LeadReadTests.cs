using System.Net;
using System.Text.Json;
using Conversations.Abstractions.Events;
using Conversations.Abstractions.Leads;
using Conversations.Abstractions.Timeline;
using Conversations.Host.Apis;
using Conversations.Host.Tests.Timeline;
using Microsoft.Extensions.DependencyInjection;
using static Conversations.Host.Tests.Payloads;

namespace Conversations.Host.Tests;

/// <summary>Reads of leads cost what they return: unknown leads one index lookup, timelines one page at a time.</summary>
[Collection(EmbeddedHostCollection.Name)]
public sealed class LeadReadTests(EmbeddedHostFixture host)
{
    private static readonly DateTimeOffset T0 = new(2026, 9, 14, 9, 0, 0, TimeSpan.FromHours(2));

    private HttpClient Client => host.Client;
    private IGrainFactory Grains => host.Services.GetRequiredService<IGrainFactory>();

    [Fact]
    public async Task GetUnknownLead_LeavesNoLeadGrainActivationBehind()
    {
        var known = NewEmail();
        var receipt = await (await Client.PostAsync("/webhooks/salesforge", Fixture("salesforge/01-email_sent.json", known))).ReadJsonAsync();
        var knownLeadId = receipt.GetProperty("leadIds")[0].GetString()!;
        var unknown = $"email:{NewEmail()}";

        await (await Client.GetAsync($"/api/leads/{unknown}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await Client.GetAsync($"/api/leads/{unknown}/timeline")).AssertProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/leads/email:{known}")).StatusCode);

        var knownGrain = Grains.GetGrain<ILeadGrain>(knownLeadId).GetGrainId();
        var active = await Grains.GetGrain<IManagementGrain>(0).GetActiveGrains(knownGrain.Type);
        Assert.Contains(knownGrain, active);
        Assert.Equal(1, active.Count(grain => grain == knownGrain));
        Assert.DoesNotContain(Grains.GetGrain<ILeadGrain>(unknown).GetGrainId(), active);
    }

    [Fact]
    public async Task GetTimeline_FollowingNextCursor_ReturnsEveryEventOnceInOccurredAtOrder()
    {
        var email = NewEmail();
        var events = Enumerable.Range(0, 7).Select(i => OpenedEvents.Create(email, T0.AddMinutes(i * 3 % 4))).ToList();
        foreach (var @event in events) await AppendAsync(email, [@event]);
        var expected = events.Select((e, arrival) => (e, arrival))
            .OrderBy(x => x.e.OccurredAt).ThenBy(x => x.arrival).Select(x => x.e.EventId).ToList();

        var pages = await ReadAllPagesAsync(email, "&limit=3");

        Assert.Equal([3, 3, 1], pages.Select(p => p.GetProperty("count").GetInt32()));
        Assert.All(pages, p => Assert.Equal(_leadIds[email], p.Str("leadId")));
        Assert.Equal(JsonValueKind.Null, pages[^1].GetProperty("nextCursor").ValueKind);
        Assert.Equal(expected, pages.SelectMany(p => p.GetProperty("events").EnumerateArray()).Select(e => e.Str("id")));
    }

    [Fact]
    public async Task GetTimeline_WithoutLimit_AnswersPagesOfTheDefaultSize()
    {
        var email = NewEmail();
        await AppendAsync(email, Enumerable.Range(0, TimelinePageLimits.Default + 1)
            .Select(i => OpenedEvents.Create(email, T0.AddSeconds(i))).ToList());

        var pages = await ReadAllPagesAsync(email, "");

        Assert.Equal([TimelinePageLimits.Default, 1], pages.Select(p => p.GetProperty("events").GetArrayLength()));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("1001")]
    public async Task GetTimeline_WithLimitOutOfRange_Returns400NamingLimit(string limit)
    {
        var email = await KnownLeadAsync();

        var response = await Client.GetAsync($"/api/leads/email:{email}/timeline?limit={limit}");

        await AssertInvalidParameterAsync(response, "limit");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/leads/email:{email}/timeline?limit={TimelinePageLimits.Max}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/leads/email:{email}/timeline?limit=1")).StatusCode);
    }

    [Theory]
    [InlineData("not-a-cursor")]
    [InlineData("AQAAAAAAAAAAAAAAAAAAAAE=")]
    [InlineData("AgAAAAAAAAAAAAAAAAAAAAE")]
    public async Task GetTimeline_WithMalformedCursor_Returns400NamingCursor(string cursor)
    {
        var email = await KnownLeadAsync();

        var response = await Client.GetAsync($"/api/leads/email:{email}/timeline?cursor={Uri.EscapeDataString(cursor)}");

        await AssertInvalidParameterAsync(response, "cursor");
    }

    [Fact]
    public async Task GetTimeline_WithACursorPastTheEnd_IsAnEmptyLastPage_ButStill404ForAnUnknownLead()
    {
        var email = await KnownLeadAsync();
        var pastTheEnd = TimelineCursorText.Encode(new TimelineCursor(DateTime.MaxValue.Ticks, long.MaxValue));

        var page = await (await Client.GetAsync($"/api/leads/email:{email}/timeline?cursor={pastTheEnd}")).ReadJsonAsync();
        var unknown = await Client.GetAsync($"/api/leads/email:{NewEmail()}/timeline?cursor={pastTheEnd}");

        Assert.Equal(0, page.GetProperty("events").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, page.GetProperty("nextCursor").ValueKind);
        await unknown.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task OpenApi_DescribesTheTimelinePage_AndItsParameters()
    {
        var document = await (await Client.GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var operation = document.GetProperty("paths").GetProperty("/api/leads/{lead}/timeline").GetProperty("get");
        var page = document.GetProperty("components").GetProperty("schemas").GetProperty(nameof(TimelinePageResponse));

        Assert.Equal(["lead", "limit", "cursor"], operation.GetProperty("parameters").EnumerateArray().Select(p => p.Str("name")));
        Assert.EndsWith(nameof(TimelinePageResponse), operation.GetProperty("responses").GetProperty("200").GetProperty("content")
            .GetProperty("application/json").GetProperty("schema").Str("$ref"));
        Assert.Equal(["leadId", "count", "events", "nextCursor"], page.GetProperty("properties").EnumerateObject().Select(p => p.Name));
        Assert.True(operation.GetProperty("responses").TryGetProperty("400", out _));
    }

    private readonly Dictionary<string, string> _leadIds = [];

    /// <summary>Appends as the webhook path does for a person known by email alone: to one lead id, claiming the address.</summary>
    private Task<AppendResult> AppendAsync(string email, IReadOnlyList<ConversationEvent> events)
    {
        if (!_leadIds.TryGetValue(email, out var leadId)) _leadIds[email] = leadId = LeadId.New();
        return Grains.GetGrain<ILeadGrain>(leadId).AppendAsync(new LeadAppend(events, $"email:{email}", [$"email:{email}"]));
    }

    private async Task<string> KnownLeadAsync()
    {
        var email = NewEmail();
        await AppendAsync(email, [OpenedEvents.Create(email, T0)]);
        return email;
    }

    private async Task<List<JsonElement>> ReadAllPagesAsync(string email, string query)
    {
        var pages = new List<JsonElement>();
        string? cursor = null;
        do
        {
            var after = cursor is null ? "" : $"&cursor={cursor}";
            var response = await Client.GetAsync($"/api/leads/email:{email}/timeline?{query.TrimStart('&')}{after}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var page = await response.ReadJsonAsync();
            pages.Add(page);
            cursor = page.GetProperty("nextCursor").GetString();
            Assert.True(pages.Count <= 100, "paging does not end");
        }
        while (cursor is not null);
        return pages;
    }

    private static async Task AssertInvalidParameterAsync(HttpResponseMessage response, string parameter)
    {
        var problem = await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.EndsWith("invalid-parameter", problem.Str("type"));
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"the problem does not name '{parameter}'");
    }
}
