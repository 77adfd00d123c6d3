using Conversations.Host.Access;
using Conversations.Host.Apis;
using Microsoft.Extensions.Options;

namespace Conversations.Host.Management;

public static class ManagementListenerExtensions
{
    /// <summary>Listens on the management URLs too, next to the service's own <c>Urls</c>.</summary>
    public static void AddConversationsManagementListener(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<ManagementOptions>, ManagementOptionsValidator>();
        builder.Services.AddOptions<ManagementOptions>().BindConfiguration(ManagementOptions.SectionName).ValidateOnStart();

        // Read here as well as bound above: Kestrel's URLs are fixed before the host is built; the validator still runs at startup.
        var management = builder.Configuration.GetSection(ManagementOptions.SectionName).Get<ManagementOptions>();
        if (management is not { IsEnabled: true }) return;
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey,
            string.Join(';', new[] { urls }.Concat(management.UrlList).Where(u => !string.IsNullOrWhiteSpace(u))));
    }

    /// <summary>
    /// With a management listener, every route but the public ones (webhooks, health) answers 404 on the other
    /// ports, before authentication: the public listener does not even say that operator routes exist.
    /// </summary>
    public static IApplicationBuilder UseManagementListener(this IApplicationBuilder app)
    {
        var options = app.ApplicationServices.GetRequiredService<IOptions<ManagementOptions>>().Value;
        if (!options.IsEnabled) return app;
        var ports = options.Ports;
        return app.Use((context, next) =>
        {
            if (context.GetEndpoint()?.Metadata.GetMetadata<PublicEndpoint>() is not null || ports.Contains(context.Connection.LocalPort))
                return next(context);
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = { Status = 404, Title = "Not found", Detail = "There is nothing at this address.", Type = ProblemTypes.NotFound },
            }).AsTask();
        });
    }
}
