using System.IO.Pipelines;
using Conversations.LoadTest.Cli;

namespace Conversations.LoadTest.Noop;

/// <summary>
/// <c>noop --urls URL</c>: the baseline. The same HTTP stack as the service (Kestrel) and the same request
/// shape, but nothing is parsed or stored: it reads the whole body and answers 200 with a small JSON body.
/// The gap between this and the service is what ingestion (parsing, grains, the durable commit) costs.
/// </summary>
internal static class NoopServer
{
    private static readonly byte[] Receipt = """{"outcome":"accepted","events":1}"""u8.ToArray();

    public static async Task<int> RunAsync(Arguments args)
    {
        var urls = args.RequiredString("urls");
        args.EnsureAllRead();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(urls);
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);

        var app = builder.Build();
        app.MapPost("/webhooks/{provider}", ReceiveAsync);
        app.MapGet("/health/ready", () => Results.Text("Healthy"));

        await app.StartAsync();
        Console.Error.WriteLine($"noop endpoint listening on {string.Join(", ", app.Urls)}");
        await app.WaitForShutdownAsync();
        return 0;
    }

    private static async Task ReceiveAsync(HttpContext context)
    {
        await DrainAsync(context.Request.BodyReader, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        context.Response.ContentLength = Receipt.Length;
        await context.Response.Body.WriteAsync(Receipt, context.RequestAborted);
    }

    private static async Task DrainAsync(PipeReader reader, CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await reader.ReadAsync(cancellationToken);
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted || result.IsCanceled) return;
        }
    }
}
