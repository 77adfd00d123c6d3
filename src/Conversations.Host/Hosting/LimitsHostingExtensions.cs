using System.Net;
using Conversations.Host.Limits;
using Conversations.Host.Webhooks;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Hosting;

public static class LimitsHostingExtensions
{
    /// <summary>
    /// Kestrel's connection, timing and body limits, the operator routes' per-client rate limit (and a budget of the
    /// same size for requests no route matched), and the webhook receiver's limits: the failed-authentication budget,
    /// the bytes of unverified bodies, and the admission gate in front of storing.
    /// </summary>
    public static void AddConversationsLimits(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<IValidateOptions<HttpLimitsOptions>, HttpLimitsOptionsValidator>();
        services.AddOptions<HttpLimitsOptions>().BindConfiguration(HttpLimitsOptions.SectionName).ValidateOnStart();
        services.AddTransient<IConfigureOptions<KestrelServerOptions>, KestrelLimitsSetup>();

        services.AddSingleton<IValidateOptions<RateLimitingOptions>, RateLimitingOptionsValidator>();
        services.AddOptions<RateLimitingOptions>().BindConfiguration(RateLimitingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<FailedAuthenticationBudget>();
        services.AddSingleton<IValidateOptions<DeliveryAdmissionOptions>, DeliveryAdmissionOptionsValidator>();
        services.AddOptions<DeliveryAdmissionOptions>().BindConfiguration(DeliveryAdmissionOptions.SectionName).ValidateOnStart();
        services.AddSingleton<DeliveryAdmission>();
        services.AddSingleton<UnverifiedBodyBytes>();
        services.AddSingleton<WebhookLimits>();
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = RateLimitRejection.WriteAsync;
            limiter.AddPolicy<IPAddress, OperatorRateLimitPolicy>(RateLimitPolicies.Operators);
        });

        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitingOptions>>((limiter, budgets) =>
            limiter.GlobalLimiter = UnroutedRequestLimiter.Create(budgets.Value.Operators));

        // Kestrel reports its own limits (body size, data rate, malformed framing) by throwing from body reads:
        // answer with the status it chose rather than a 500.
        services.Configure<ExceptionHandlerOptions>(o =>
            o.StatusCodeSelector = exception => exception is Microsoft.AspNetCore.Http.BadHttpRequestException rejected
                ? rejected.StatusCode
                : StatusCodes.Status500InternalServerError);
    }
}
