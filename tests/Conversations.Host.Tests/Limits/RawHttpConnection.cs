using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conversations.Host.Tests.Limits;

/// <summary>A hand-driven HTTP/1.1 connection: send a head and as much (or as little) body as a test wants, when it wants.</summary>
internal sealed class RawHttpConnection : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };

    public static async Task<RawHttpConnection> OpenAsync(IPEndPoint server, CancellationToken cancellationToken)
    {
        var connection = new RawHttpConnection();
        try
        {
            await connection._socket.ConnectAsync(server, cancellationToken);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>The request line and headers of a JSON POST; <paramref name="contentLength"/> null sends the body chunked.</summary>
    public static string PostHead(string path, long? contentLength) =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + (contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n")
        + "\r\n";

    public async Task SendAsync(string text, CancellationToken cancellationToken) =>
        await SendAsync(Encoding.ASCII.GetBytes(text), cancellationToken);

    public async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);

    /// <summary>Tells the server no more bytes will come (a TCP half-close).</summary>
    public void EndSending() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>Everything the server sends until it closes the connection; a reset counts as closing.</summary>
    public async Task<RawResponse> ReadUntilClosedAsync(CancellationToken cancellationToken)
    {
        var received = new MemoryStream();
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await _socket.ReceiveAsync(chunk, SocketFlags.None, cancellationToken)) > 0)
                received.Write(chunk, 0, read);
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
        }
        return RawResponse.Parse(Encoding.UTF8.GetString(received.ToArray()));
    }

    public void Dispose() => _socket.Dispose();
}

/// <summary>What a raw connection received: the status (null when the server closed without answering), headers and body.</summary>
internal sealed record RawResponse(int? Status, string Head, string Body)
{
    public static RawResponse Parse(string text)
    {
        if (text.Length == 0) return new RawResponse(null, "", "");
        var split = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? "" : text[(split + 4)..];
        var status = head.Split(' ', 3) is [_, var code, ..] && int.TryParse(code, out var value) ? value : (int?)null;
        return new RawResponse(status, head, body);
    }
}
