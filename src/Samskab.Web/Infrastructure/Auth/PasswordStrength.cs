using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Demo;

namespace Samskab.Web.Infrastructure.Auth;

/// <summary>
/// Refuses passwords that are easy to guess (zxcvbn's estimate below 3 of 4: common passwords, repeats, sequences,
/// keyboard patterns, dates) and passwords built from the person's own name or e-mail, with a Danish explanation of
/// why. The published demo password is accepted only for the demo accounts.
/// </summary>
public sealed class PasswordStrength(IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    public const int MinimumScore = 3;

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return Task.FromResult(IdentityResult.Success);
        }
        if (password == DemoData.Password)
        {
            return Task.FromResult(DemoData.IsDemoAccount(user.Email)
                ? IdentityResult.Success
                : Failed(l["Adgangskoden er demo-adgangskoden, som alle kan se. Vælg din egen."]));
        }
        return Task.FromResult(Check(password, UserInputs(user)) is { } problem ? Failed(problem) : IdentityResult.Success);
    }

    /// <summary>The words zxcvbn should treat as known to an attacker: the name and the parts of the e-mail.</summary>
    public static string[] UserInputs(AppUser user) => UserInputs(user.DisplayName, user.Email);

    public static string[] UserInputs(string? name, string? email)
    {
        var words = new List<string>();
        if (!string.IsNullOrWhiteSpace(email))
        {
            words.Add(email);
            words.AddRange(email.Split(['@', '.', '-', '_', '+'], StringSplitOptions.RemoveEmptyEntries));
        }
        if (!string.IsNullOrWhiteSpace(name))
        {
            words.Add(name);
            words.AddRange(name.Split([' ', '-', '.'], StringSplitOptions.RemoveEmptyEntries));
        }
        return words.Where(w => w.Length >= 3).Select(w => w.ToLowerInvariant()).Distinct().ToArray();
    }

    /// <summary>Null when the password is strong enough, otherwise the reason in the reader's language.</summary>
    public string? Check(string password, string[] userInputs)
    {
        var result = Zxcvbn.Zxcvbn.MatchPassword(password, userInputs);
        var matches = result.MatchSequence;
        var ownChars = matches.Where(m => m is Zxcvbn.Matcher.DictionaryMatch { DictionaryName: "user_inputs" }).Sum(m => m.Token.Length);
        if (ownChars * 2 >= password.Length)
        {
            return l["Adgangskoden bygger på dit navn eller din e-mailadresse, og dem kender andre. Vælg noget, der ikke handler om dig."];
        }
        if (result.Score >= MinimumScore)
        {
            return null;
        }
        var why = matches.OrderByDescending(m => m.Token.Length).FirstOrDefault() switch
        {
            Zxcvbn.Matcher.RepeatMatch => l["Gentagelser som \"aaaa\" eller \"abcabc\" gættes hurtigt."],
            Zxcvbn.Matcher.SequenceMatch => l["Rækkefølger som \"1234\" eller \"abcd\" gættes hurtigt."],
            Zxcvbn.Matcher.DateMatch => l["Datoer og årstal gættes hurtigt."],
            Zxcvbn.Matcher.DictionaryMatch { DictionaryName: "passwords" } => l["Det er en af de mest brugte adgangskoder."],
            Zxcvbn.Matcher.DictionaryMatch { DictionaryName: "user_inputs" } => l["Den bygger på dit navn eller din e-mailadresse."],
            { Pattern: "spatial" } => l["Tastaturmønstre som \"qwerty\" gættes hurtigt."],
            Zxcvbn.Matcher.DictionaryMatch => l["Almindelige ord og navne alene gættes hurtigt."],
            _ => l["Den er for kort eller for forudsigelig."],
        };
        return l["Adgangskoden er for let at gætte: {0} Brug fx tre-fire tilfældige ord med mellemrum eller bindestreg.", why.Value];
    }

    private static IdentityResult Failed(string message) => IdentityResult.Failed(new IdentityError { Code = "PasswordTooWeak", Description = message });
}

/// <summary>Makes a sign-in or registration for an unknown address cost the same one password hash as for a known one.</summary>
public static class PasswordTiming
{
    private static readonly AppUser Nobody = new() { UserName = "nobody" };
    private static string? _nobodysHash;

    public static bool CheckAgainstNobody(IPasswordHasher<AppUser> hasher, string password)
    {
        _nobodysHash ??= hasher.HashPassword(Nobody, OneTimeToken.NewToken());
        hasher.VerifyHashedPassword(Nobody, _nobodysHash, password);
        return false;
    }

    public static void HashForNobody(IPasswordHasher<AppUser> hasher, string? password)
    {
        if (!string.IsNullOrEmpty(password))
        {
            hasher.HashPassword(Nobody, password);
        }
    }
}
