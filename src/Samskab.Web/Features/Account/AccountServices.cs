namespace Samskab.Web.Features.Account;

public static class AccountsRegistration
{
    /// <summary>Accounts: the mails with one-time links, and the erasure that anonymises a deleted account.</summary>
    public static IServiceCollection AddAccounts(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddScoped<AccountMail>();
        services.AddScoped<AccountErasure>();
        return services;
    }
}
