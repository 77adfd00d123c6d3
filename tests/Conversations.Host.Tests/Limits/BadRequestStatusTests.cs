using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Tests.Limits;

/// <summary>A Kestrel limit (body size, data rate, framing) reported by an exception that escapes a handler keeps its status.</summary>
public sealed class BadRequestStatusTests
{
    [Fact]
    public async Task ExceptionHandler_AnswersKestrelsStatusForBadRequests_And500Otherwise()
    {
        await using var host = new EmbeddedHost();
        var selector = host.Services.GetRequiredService<IOptions<ExceptionHandlerOptions>>().Value.StatusCodeSelector;

        Assert.NotNull(selector);
        Assert.Equal(408, selector(new Microsoft.AspNetCore.Http.BadHttpRequestException("slow", 408)));
        Assert.Equal(413, selector(new Microsoft.AspNetCore.Http.BadHttpRequestException("large", 413)));
        Assert.Equal(500, selector(new InvalidOperationException()));
    }
}
