namespace DoanKhoi.Messaging;

/// <summary>For the demo data set's loaders: a service fills its demo data once what it builds on (the
/// organisation and members membership publishes) has arrived in its copy.</summary>
public static class DemoData
{
    /// <summary>Waits, polling each second, until <paramref name="count"/> gives the same number for
    /// <paramref name="settle"/> (a number: the copy has arrived; null: not yet), up to <paramref name="wait"/>.</summary>
    /// <returns>Whether it settled in time.</returns>
    public static async Task<bool> SettledAsync(Func<CancellationToken, Task<int?>> count, TimeSpan settle, TimeSpan wait, TimeProvider clock, CancellationToken ct)
    {
        var deadline = clock.GetUtcNow() + wait;
        var (last, stillSince) = ((int?)-1, clock.GetUtcNow());
        while (clock.GetUtcNow() < deadline)
        {
            var now = await count(ct);
            if (now != last) (last, stillSince) = (now, clock.GetUtcNow());
            else if (now is not null && clock.GetUtcNow() - stillSince >= settle) return true;
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
        }
        return false;
    }
}
