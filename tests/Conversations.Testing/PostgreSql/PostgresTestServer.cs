using System.Diagnostics;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Conversations.Testing.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL server for tests: its own data directory under the temp folder, loopback TCP only,
/// trust authentication, fsync on. Dispose it to stop the server and delete the directory.
/// </summary>
/// <remarks>
/// Server binaries come from <c>PG_BIN</c>, else the newest /usr/lib/postgresql/&lt;version&gt;/bin, else PATH.
/// initdb and postgres refuse to run as root, so as root they run as the <c>postgres</c> OS user via runuser.
/// </remarks>
public sealed partial class PostgresTestServer : IAsyncDisposable
{
    public const string SuperUser = "postgres";
    public const string DefaultDatabase = "conversations_test";

    private const string ServiceUser = "postgres";
    private static readonly TimeSpan InitDbTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan ShortCommandTimeout = TimeSpan.FromSeconds(30);
    private const int StartAttempts = 3;

    private readonly PgTools _tools;
    private readonly string _rootDirectory;
    private int _disposed;

    private PostgresTestServer(PgTools tools, string rootDirectory, int port)
    {
        _tools = tools;
        _rootDirectory = rootDirectory;
        Port = port;
        ConnectionString = BuildConnectionString(DefaultDatabase);
    }

    public int Port { get; }

    /// <summary>Connection string for <see cref="DefaultDatabase"/>, created at start.</summary>
    public string ConnectionString { get; }

    private string DataDirectory => Path.Combine(_rootDirectory, "data");
    private string LogFile => Path.Combine(_rootDirectory, "server.log");

    /// <summary>Whether a server can be started here; <paramref name="reason"/> says why not.</summary>
    public static bool IsAvailable(out string reason) => TryFindTools(out _, out reason);

    public static async Task<PostgresTestServer> StartAsync(CancellationToken ct = default)
    {
        if (!TryFindTools(out var tools, out var reason))
        {
            throw new InvalidOperationException($"Cannot start a test PostgreSQL server: {reason}");
        }

        RemoveLeftoversOnce();
        var root = Directory.CreateTempSubdirectory(LeftoverServers.FolderPrefix).FullName;
        try
        {
            LeftoverServers.ClaimFolder(root);
            if (RunningAsRoot())
            {
                await RunCheckedAsync("chown", ["-R", $"{ServiceUser}:", root], ShortCommandTimeout, root, ct);
            }

            await RunAsServiceUserAsync(tools, tools.InitDb,
                ["-D", Path.Combine(root, "data"), "-U", SuperUser, "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                InitDbTimeout, root, ct);

            for (var attempt = 1; ; attempt++)
            {
                var server = new PostgresTestServer(tools, root, FreePorts.GetFreeTcpPort());
                try
                {
                    await server.StartServerAsync(ct);
                    await server.WaitUntilAcceptingAsync(ct);
                    await server.CreateDatabaseCoreAsync(DefaultDatabase, ct);
                    return server;
                }
                catch (PortTakenException) when (attempt < StartAttempts)
                {
                    // Someone else bound the port between the probe and the server start: try another.
                }
                catch
                {
                    await server.StopServerAsync();
                    throw;
                }
            }
        }
        catch
        {
            TryDeleteDirectory(root);
            throw;
        }
    }

    private static int _leftoversRemoved;

    private static void RemoveLeftoversOnce()
    {
        if (Interlocked.Exchange(ref _leftoversRemoved, 1) == 0) LeftoverServers.Remove(Path.GetTempPath());
    }

    /// <summary>Creates an empty database and returns a connection string for it.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken ct = default)
    {
        await CreateDatabaseCoreAsync(name, ct);
        return BuildConnectionString(name);
    }

    /// <summary>Stops the server and keeps its data, as a database outage would.</summary>
    public Task StopAsync() => StopServerAsync();

    /// <summary>Starts the stopped server again on the same port and data, and waits until it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken ct = default)
    {
        await StartServerAsync(ct);
        await WaitUntilAcceptingAsync(ct);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }
        await StopServerAsync();
        TryDeleteDirectory(_rootDirectory);
    }

    private string BuildConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = database,
    }.ConnectionString;

    private async Task StartServerAsync(CancellationToken ct)
    {
        // Loopback TCP only; the unix socket goes in our own directory, not the system's /var/run/postgresql.
        var serverOptions = string.Join(' ',
            "-c listen_addresses=127.0.0.1",
            $"-c port={Port.ToString(CultureInfo.InvariantCulture)}",
            $"-c unix_socket_directories={_rootDirectory}",
            "-c fsync=on",
            "-c max_connections=200");

        var result = await RunAsServiceUserUncheckedAsync(_tools, _tools.PgCtl,
            ["start", "-D", DataDirectory, "-l", LogFile, "-w", "-t", ((int)StartTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture), "-o", serverOptions],
            StartTimeout + TimeSpan.FromSeconds(10), _rootDirectory, ct);
        if (result.Succeeded)
        {
            return;
        }

        var log = ReadLogTail();
        var message = $"PostgreSQL did not start on port {Port} (pg_ctl exit code {result.ExitCode}).{Environment.NewLine}{result.Output}{Environment.NewLine}--- server log (tail) ---{Environment.NewLine}{log}";
        throw log.Contains("Address already in use", StringComparison.OrdinalIgnoreCase)
            ? new PortTakenException(message)
            : new InvalidOperationException(message);
    }

    private async Task WaitUntilAcceptingAsync(CancellationToken ct)
    {
        var postgresDatabase = BuildConnectionString("postgres");
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(postgresDatabase);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(ct);
                return;
            }
            catch (Exception ex) when ((ex is NpgsqlException or IOException or TimeoutException) && watch.Elapsed < ConnectTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100), ct);
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException)
            {
                throw new InvalidOperationException(
                    $"PostgreSQL on port {Port} did not accept connections within {ConnectTimeout.TotalSeconds:0} s: {ex.Message}{Environment.NewLine}--- server log (tail) ---{Environment.NewLine}{ReadLogTail()}", ex);
            }
        }
    }

    private async Task CreateDatabaseCoreAsync(string name, CancellationToken ct)
    {
        if (!DatabaseName().IsMatch(name))
        {
            throw new ArgumentException($"Database name '{name}' must match {DatabaseName()}.", nameof(name));
        }
        await using var connection = new NpgsqlConnection(BuildConnectionString("postgres"));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    private async Task StopServerAsync()
    {
        if (!File.Exists(Path.Combine(DataDirectory, "postmaster.pid")))
        {
            return;
        }
        var postmasterPid = ReadPostmasterPid();
        try
        {
            var result = await RunAsServiceUserUncheckedAsync(_tools, _tools.PgCtl,
                ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", ((int)StopTimeout.TotalSeconds).ToString(CultureInfo.InvariantCulture)],
                StopTimeout + TimeSpan.FromSeconds(10), _rootDirectory, CancellationToken.None);
            if (result.Succeeded)
            {
                return;
            }
        }
        catch (TimeoutException)
        {
        }

        // pg_ctl could not stop it: kill the postmaster we started (its pid is in our own data directory).
        if (postmasterPid is { } pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                using var deadline = new CancellationTokenSource(StopTimeout);
                await process.WaitForExitAsync(deadline.Token);
            }
            catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or OperationCanceledException)
            {
                // Gone already, or not ours to wait for.
            }
        }
    }

    private int? ReadPostmasterPid()
    {
        try
        {
            var firstLine = File.ReadLines(Path.Combine(DataDirectory, "postmaster.pid")).FirstOrDefault();
            return int.TryParse(firstLine, NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid) ? pid : null;
        }
        catch (IOException)
        {
            return null;
        }
    }

    private string ReadLogTail(int maxChars = 4000)
    {
        try
        {
            var text = File.ReadAllText(LogFile);
            return text.Length <= maxChars ? text : text[^maxChars..];
        }
        catch (IOException ex)
        {
            return $"(no server log: {ex.Message})";
        }
    }

    private static bool TryFindTools([NotNullWhen(true)] out PgTools? tools, out string reason)
    {
        if (!PgTools.TryFind(out tools, out reason))
        {
            return false;
        }
        if (RunningAsRoot())
        {
            if (FindRunUser() is null)
            {
                reason = "Running as root, and runuser (util-linux) was not found to run PostgreSQL as the 'postgres' user.";
                tools = null;
                return false;
            }
            if (!OsUserExists(ServiceUser))
            {
                reason = "Running as root, and there is no 'postgres' OS user to run PostgreSQL as: apt-get install postgresql.";
                tools = null;
                return false;
            }
        }
        return true;
    }

    private static async Task RunAsServiceUserAsync(PgTools tools, string executable, IReadOnlyList<string> arguments,
        TimeSpan timeout, string workingDirectory, CancellationToken ct)
    {
        var result = await RunAsServiceUserUncheckedAsync(tools, executable, arguments, timeout, workingDirectory, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"'{Path.GetFileName(executable)} {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}:{Environment.NewLine}{result.Output}");
        }
    }

    private static Task<ProcessResult> RunAsServiceUserUncheckedAsync(PgTools tools, string executable,
        IReadOnlyList<string> arguments, TimeSpan timeout, string workingDirectory, CancellationToken ct)
    {
        if (!RunningAsRoot())
        {
            return ProcessRunner.RunAsync(executable, arguments, timeout, workingDirectory, ct);
        }
        var runUser = FindRunUser() ?? throw new InvalidOperationException("runuser was not found.");
        return ProcessRunner.RunAsync(runUser, ["-u", ServiceUser, "--", executable, .. arguments], timeout, workingDirectory, ct);
    }

    private static async Task RunCheckedAsync(string fileName, IReadOnlyList<string> arguments, TimeSpan timeout,
        string workingDirectory, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync(fileName, arguments, timeout, workingDirectory, ct);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(
                $"'{fileName} {string.Join(' ', arguments)}' failed with exit code {result.ExitCode}:{Environment.NewLine}{result.Output}");
        }
    }

    // Environment.UserName is the name of the effective user id on Unix.
    private static bool RunningAsRoot() => !OperatingSystem.IsWindows() && Environment.UserName == "root";

    private static string? FindRunUser() =>
        new[] { "/usr/sbin/runuser", "/sbin/runuser", "/usr/bin/runuser" }.FirstOrDefault(File.Exists)
        ?? FindOnPath("runuser");

    private static bool OsUserExists(string user)
    {
        try
        {
            return File.ReadLines("/etc/passwd").Any(line => line.StartsWith(user + ":", StringComparison.Ordinal));
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string executable) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => Path.Combine(dir, executable))
            .FirstOrDefault(File.Exists);

    private static void TryDeleteDirectory(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A leftover temp directory is not worth failing a test run for.
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]{0,62}$")]
    private static partial Regex DatabaseName();

    private sealed class PortTakenException(string message) : InvalidOperationException(message);

    private sealed record PgTools(string BinDirectory)
    {
        public string InitDb => Path.Combine(BinDirectory, "initdb");
        public string PgCtl => Path.Combine(BinDirectory, "pg_ctl");

        public static bool TryFind([NotNullWhen(true)] out PgTools? tools, out string reason)
        {
            tools = null;
            var fromEnvironment = Environment.GetEnvironmentVariable("PG_BIN");
            if (!string.IsNullOrWhiteSpace(fromEnvironment))
            {
                return Accept(fromEnvironment, "PG_BIN", out tools, out reason);
            }

            const string debianRoot = "/usr/lib/postgresql";
            if (Directory.Exists(debianRoot))
            {
                var newest = Directory.GetDirectories(debianRoot)
                    .Select(dir => (Dir: dir, Version: decimal.TryParse(Path.GetFileName(dir), NumberStyles.Number, CultureInfo.InvariantCulture, out var v) ? v : (decimal?)null))
                    .Where(x => x.Version is not null && File.Exists(Path.Combine(x.Dir, "bin", "initdb")))
                    .OrderByDescending(x => x.Version)
                    .Select(x => Path.Combine(x.Dir, "bin"))
                    .FirstOrDefault();
                if (newest is not null)
                {
                    return Accept(newest, debianRoot, out tools, out reason);
                }
            }

            if (FindOnPath("initdb") is { } initDb)
            {
                return Accept(Path.GetDirectoryName(initDb)!, "PATH", out tools, out reason);
            }

            reason = "PostgreSQL server binaries (initdb, pg_ctl) were not found: set PG_BIN, or apt-get install postgresql.";
            return false;
        }

        private static bool Accept(string binDirectory, string source, [NotNullWhen(true)] out PgTools? tools, out string reason)
        {
            var candidate = new PgTools(binDirectory);
            var missing = new[] { candidate.InitDb, candidate.PgCtl, Path.Combine(binDirectory, "postgres") }
                .Where(path => !File.Exists(path))
                .Select(path => Path.GetFileName(path))
                .ToArray();
            if (missing.Length > 0)
            {
                tools = null;
                reason = $"{string.Join(", ", missing)} not found in {binDirectory} (from {source}).";
                return false;
            }
            tools = candidate;
            reason = string.Empty;
            return true;
        }
    }
}
