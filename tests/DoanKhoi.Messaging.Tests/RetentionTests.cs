using DoanKhoi.Messaging.Inbox;
using DoanKhoi.Testing;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Messaging.Tests;

/// <summary>The outbox and the inbox do not grow for ever.</summary>
public class RetentionTests : IAsyncLifetime
{
    private readonly PostgresDatabase _database = new();
    private NotesHost _host = null!;

    public async Task InitializeAsync() => _host = await NotesHost.StartAsync(_database.ConnectionString, TestServers.RabbitMq, settings: new Dictionary<string, string?>
    {
        ["Messaging:OutboxRetention"] = "00:00:01",
        ["Messaging:InboxRetention"] = "00:00:01",
        ["Messaging:CleanupInterval"] = "00:00:00.500",
    });

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Published_events_and_handled_message_records_are_removed_after_their_retention()
    {
        var id = await _host.WriteNoteAsync();
        await _host.WaitForDeliveryAsync(id, within: TimeSpan.FromSeconds(30));

        await Eventually.Until(async () => await _host.OutboxRowAsync(id) is null
                && !await _host.QueryAsync(db => db.Set<InboxMessage>().AnyAsync()),
            TimeSpan.FromSeconds(15), "the outbox and inbox swept");
        Assert.True(await _host.QueryAsync(db => db.Notes.AnyAsync(n => n.Id == id)), "the note itself stays");
    }
}
