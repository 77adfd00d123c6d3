using Microsoft.Data.Sqlite;
using Orleans.Runtime;
using Orleans.Storage;

namespace Conversations.Storage.Sqlite;

/// <summary>
/// Orleans grain storage in the embedded SQLite file, with the same optimistic concurrency contract as the
/// ADO.NET provider: a write whose ETag is stale throws <see cref="InconsistentStateException"/>.
/// </summary>
public sealed class SqliteGrainStorage(SqliteDatabase database, IGrainStorageSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT etag, payload FROM grain_state WHERE state_name = $name AND grain_id = $id";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        using var reader = command.ExecuteReader();
        if (reader.Read())
        {
            grainState.ETag = reader.GetString(0);
            grainState.State = serializer.Deserialize<T>(new BinaryData((byte[])reader.GetValue(1)));
            grainState.RecordExists = true;
        }
        else
        {
            grainState.ETag = null;
            grainState.State = Activator.CreateInstance<T>();
            grainState.RecordExists = false;
        }
        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        var newETag = Guid.NewGuid().ToString("N");
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = grainState.ETag is null
            ? "INSERT INTO grain_state (state_name, grain_id, etag, payload) VALUES ($name, $id, $new, $payload) ON CONFLICT DO NOTHING"
            : "UPDATE grain_state SET etag = $new, payload = $payload WHERE state_name = $name AND grain_id = $id AND etag = $old";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.Parameters.AddWithValue("$new", newETag);
        command.Parameters.AddWithValue("$old", (object?)grainState.ETag ?? DBNull.Value);
        command.Parameters.AddWithValue("$payload", serializer.Serialize(grainState.State).ToArray());
        if (command.ExecuteNonQuery() != 1)
            throw new InconsistentStateException($"The stored state of {grainId} changed since it was read (stale ETag).", grainState.ETag ?? "none", newETag);
        grainState.ETag = newETag;
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        using var connection = database.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM grain_state WHERE state_name = $name AND grain_id = $id";
        command.Parameters.AddWithValue("$name", stateName);
        command.Parameters.AddWithValue("$id", grainId.ToString());
        command.ExecuteNonQuery();
        grainState.ETag = null;
        grainState.State = Activator.CreateInstance<T>();
        grainState.RecordExists = false;
        return Task.CompletedTask;
    }
}
