namespace Samskab.Web.Features.Newsletters;

public sealed class NewsletterSettings
{
    /// <summary>How often the sender looks for editions being sent when nobody has signalled it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>Wakes the sender in this instance as soon as an edition starts sending.</summary>
public sealed class NewsletterSignal : Samskab.Web.Infrastructure.Mail.WakeUpSignal;

/// <summary>
/// The background job behind "send": turns an edition's recipients into outbox mails, a batch at a time, and picks up
/// where it left off after a restart (the state is in the database, not in memory). The outbox dispatcher delivers.
/// </summary>
public sealed class NewsletterSender(IServiceScopeFactory scopes, NewsletterSignal signal, Microsoft.Extensions.Options.IOptions<NewsletterSettings> options, ILogger<NewsletterSender> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                int queued;
                do
                {
                    await using var scope = scopes.CreateAsyncScope();
                    queued = await scope.ServiceProvider.GetRequiredService<NewsletterDesk>().QueueNextBatchAsync(stoppingToken);
                }
                while (queued > 0 && !stoppingToken.IsCancellationRequested);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e) when (e is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                logger.LogError(e, "The newsletter sender could not queue mail; trying again shortly.");
            }
            try
            {
                await signal.WaitAsync(options.Value.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}
