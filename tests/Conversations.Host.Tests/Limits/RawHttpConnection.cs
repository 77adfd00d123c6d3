using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Conversations.Host.Tests.Limits;

/// <summary>A hand-driven HTTP/1.1 connection: send a head and as much (or as little) body as a test wants, when it wants.</summary>
internal sealed class RawHttpConnection : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
    private readonly MemoryStream _received = new();
    private readonly byte[] _chunk = new byte[4096];

    /// <summary>A connection to <paramref name="server"/>, from <paramref name="source"/> (an address of 127.0.0.0/8) when given.</summary>
    public static async Task<RawHttpConnection> OpenAsync(IPEndPoint server, CancellationToken cancellationToken, IPAddress? source = null)
    {
        var connection = new RawHttpConnection();
        try
        {
            if (source is not null) connection._socket.Bind(new IPEndPoint(source, 0));
            await connection._socket.ConnectAsync(server, cancellationToken);
            return connection;
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// The request line and headers of a JSON POST, with <paramref name="header"/> (<c>Name: value</c>) when given;
    /// <paramref name="contentLength"/> null sends the body chunked.
    /// </summary>
    public static string PostHead(string path, long? contentLength, string? header = null) =>
        $"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
        + (contentLength is { } length ? $"Content-Length: {length}\r\n" : "Transfer-Encoding: chunked\r\n")
        + (header is null ? "" : header + "\r\n")
        + "\r\n";

    public async Task SendAsync(string text, CancellationToken cancellationToken) =>
        await SendAsync(Encoding.ASCII.GetBytes(text), cancellationToken);

    public async Task SendAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken) =>
        await _socket.SendAsync(bytes, SocketFlags.None, cancellationToken);

    /// <summary>Tells the server no more bytes will come (a TCP half-close).</summary>
    public void EndSending() => _socket.Shutdown(SocketShutdown.Send);

    /// <summary>
    /// Reads until the response's status line and headers have arrived (the server may still be sending, or draining
    /// the request); what follows is left for <see cref="ReadUntilClosedAsync"/>. Null when the connection ends first.
    /// </summary>
    public async Task<int?> ReadStatusAsync(CancellationToken cancellationToken)
    {
        while (!Encoding.UTF8.GetString(_received.ToArray()).Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            if (!await ReceiveAsync(cancellationToken)) break;
        }
        return RawResponse.Parse(Encoding.UTF8.GetString(_received.ToArray())).Status;
    }

    /// <summary>Everything the server sends until it closes the connection; a reset counts as closing.</summary>
    public async Task<RawResponse> ReadUntilClosedAsync(CancellationToken cancellationToken)
    {
        while (await ReceiveAsync(cancellationToken))
        {
        }
        return RawResponse.Parse(Encoding.UTF8.GetString(_received.ToArray()));
    }

    private async Task<bool> ReceiveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var read = await _socket.ReceiveAsync(_chunk, SocketFlags.None, cancellationToken);
            _received.Write(_chunk, 0, read);
            return read > 0;
        }
        catch (SocketException exception) when (exception.SocketErrorCode == SocketError.ConnectionReset)
        {
            return false;
        }
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
