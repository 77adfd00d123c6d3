using Orleans.Storage;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file, with the same optimistic concurrency contract as the
/// ADO.NET provider: a write whose ETag is stale throws <see cref="InconsistentStateException"/>.
/// </summary>
/// <remarks>
/// The SQL runs off the grain's thread (<see cref="OffTheCallersThread"/>); the state object is serialized before
/// and assigned after, on the grain's own turn, so only bytes cross threads.
/// </remarks>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
{
    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var row = await OffTheCallersThread.Run(() => Read(stateName, id));
        if (row is var (etag, payload))
        {
            grainState.ETag = etag;
            grainState.State = serializer.Deserialize<T>(new BinaryData(payload));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
        }
    }

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        var oldETag = grainState.ETag;
        var newETag = Guid.NewGuid().ToString("N");
        var payload = serializer.Serialize(grainState.State).ToArray();
        var written = await OffTheCallersThread.Run(() => Write(stateName, id, oldETag, newETag, payload));
        if (!written)
            throw new InconsistentStateException($"The stored state of {grainId} changed since it was read (stale ETag).", oldETag ?? "none", newETag);
        grainState.ETag = newETag;
        grainState.RecordExists = true;
    }

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var id = grainId.ToString();
        await OffTheCallersThread.Run(() => Delete(stateName, id));
        grainState.ETag = null;
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
    }

    private (string ETag, byte[] Payload)? Read(string stateName, string grainId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $name AND grain_id = $id";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId);
        using var reader = command.ExecuteReader();
        return reader.Read() ? (reader.GetString(0), (byte[])reader.GetValue(1)) : null;
    }

    private bool Write(string stateName, string grainId, string? oldETag, string newETag, byte[] payload)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = oldETag is null
            ? "INSERT INTO grain_state (state_name, grain_id, etag, payload) VALUES ($name, $id, $new, $payload) ON CONFLICT DO NOTHING"
            : "UPDATE grain_state SET etag = $new, payload = $payload WHERE state_name = $name AND grain_id = $id AND etag = $old";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId);
        command.Parameters.AddWithValue("$new", newETag);
        command.Parameters.AddWithValue("$old", (object?)oldETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$payload", payload);
        return command.ExecuteNonQuery() == 1;
    }

    private void Delete(string stateName, string grainId)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM grain_state WHERE state_name = $name AND grain_id = $id";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId);
        command.ExecuteNonQuery();
    }
}
