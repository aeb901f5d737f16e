namespace DoanKhoi.Testing;

/// <summary>Polls for eventual consistency with a deadline, instead of sleeping and hoping.</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan? within = null, string? what = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(10));
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            var value = await probe();
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"Not so within {(within ?? TimeSpan.FromSeconds(10)).TotalSeconds:0} s: {what ?? "the condition"}; last seen: {value}");
            await Task.Delay(delay);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 500));
        }
    }

    public static Task Until(Func<Task<bool>> probe, TimeSpan? within = null, string? what = null) =>
        Until(probe, ok => ok, within, what);
}
