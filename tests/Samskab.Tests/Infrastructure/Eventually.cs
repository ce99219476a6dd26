namespace Samskab.Tests.Infrastructure;

/// <summary>
/// Waits for something the app does in the background (the outbox, the newsletter sender) by asking again until it
/// is true or a generous deadline passes — never a fixed sleep, and a clear failure if it never happens.
/// </summary>
public static class Eventually
{
    public static async Task TrueAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"Waited {(within ?? TimeSpan.FromSeconds(30)).TotalSeconds} s for {what}, in vain.");
            }
            await Task.Delay(50);
        }
    }

    /// <summary>Asks for a value until it is as wanted, and returns it; fails clearly if it never is.</summary>
    public static async Task<T> ValueAsync<T>(Func<Task<T>> get, Func<T, bool> wanted, string what, TimeSpan? within = null)
    {
        var value = default(T)!;
        await TrueAsync(async () => wanted(value = await get()), what, within);
        return value;
    }
}
