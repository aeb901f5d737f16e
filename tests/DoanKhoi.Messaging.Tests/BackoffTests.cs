using DoanKhoi.Messaging.Outbox;

namespace DoanKhoi.Messaging.Tests;

public class BackoffTests
{
    [Fact]
    public void The_wait_between_publish_attempts_doubles_up_to_the_limit()
    {
        var settings = new MessagingOptions { OutboxMaxBackoff = TimeSpan.FromSeconds(30) };

        var waits = Enumerable.Range(0, 10).Select(attempts => OutboxDispatcher<NotesDbContext>.Backoff(attempts, settings).TotalSeconds).ToList();

        Assert.Equal([0.5, 1, 2, 4, 8, 16, 30, 30, 30, 30], waits);
    }
}
