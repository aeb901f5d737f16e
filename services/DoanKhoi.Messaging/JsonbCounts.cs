using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoanKhoi.Messaging;

public static class JsonbCounts
{
    /// <summary>Maps counts by code (an activity's quantities: <c>{"trees-planted": 450}</c>) to one jsonb
    /// column, compared by content so that a change to a count is saved.</summary>
    public static PropertyBuilder<Dictionary<string, int>> IsJsonbCounts(this PropertyBuilder<Dictionary<string, int>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            s => JsonSerializer.Deserialize<Dictionary<string, int>>(s, JsonSerializerOptions.Default) ?? new(),
            new ValueComparer<Dictionary<string, int>>(
                (a, b) => a!.Count == b!.Count && !a.Except(b).Any(),
                d => d.Aggregate(0, (h, kv) => HashCode.Combine(h, kv.Key, kv.Value)),
                d => new Dictionary<string, int>(d)));
}

public static class JsonbLists
{
    /// <summary>Maps a list of immutable records (what a unit reported, the opinions heard) to one jsonb
    /// column, in the web's camelCase; a list that gained, lost or replaced an item is saved.</summary>
    public static PropertyBuilder<List<T>> IsJsonbList<T>(this PropertyBuilder<List<T>> property) =>
        property.HasColumnType("jsonb").HasConversion(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Web),
            s => JsonSerializer.Deserialize<List<T>>(s, JsonSerializerOptions.Web) ?? new(),
            new ValueComparer<List<T>>(
                (a, b) => a!.Count == b!.Count && a.SequenceEqual(b),
                l => l.Aggregate(0, (h, item) => HashCode.Combine(h, item)),
                l => new List<T>(l)));
}
