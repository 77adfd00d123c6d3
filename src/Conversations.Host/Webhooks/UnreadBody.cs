namespace Conversations.Host.Webhooks;

internal static class UnreadBody
{
    /// <summary>
    /// Closes the connection after the answer to a request whose body was not read whole: the rest of it may never come,
    /// so the server must not wait to drain it. HTTP/2 and later end just the stream, which needs nothing here.
    /// </summary>
    public static void CloseConnectionAfterAnswer(HttpContext context)
    {
        if (HttpProtocol.IsHttp11(context.Request.Protocol) || HttpProtocol.IsHttp10(context.Request.Protocol))
            context.Response.Headers.Connection = "close";
    }
}
