using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace Samskab.Web.Infrastructure.Localization;

/// <summary>Identity's error texts in the user's language (Danish by default).</summary>
public sealed class DanishIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    public override IdentityError PasswordTooShort(int length) =>
        new() { Code = nameof(PasswordTooShort), Description = l["Adgangskoden skal være mindst {0} tegn.", length] };

    public override IdentityError DuplicateEmail(string email) =>
        new() { Code = nameof(DuplicateEmail), Description = l["E-mailadressen er allerede i brug."] };

    public override IdentityError DuplicateUserName(string userName) =>
        new() { Code = nameof(DuplicateUserName), Description = l["E-mailadressen er allerede i brug."] };

    public override IdentityError InvalidEmail(string? email) =>
        new() { Code = nameof(InvalidEmail), Description = l["Skriv en gyldig e-mailadresse."] };

    public override IdentityError InvalidUserName(string? userName) =>
        new() { Code = nameof(InvalidUserName), Description = l["Skriv en gyldig e-mailadresse."] };

    public override IdentityError PasswordMismatch() =>
        new() { Code = nameof(PasswordMismatch), Description = l["Den nuværende adgangskode er forkert."] };

    public override IdentityError UserAlreadyHasPassword() =>
        new() { Code = nameof(UserAlreadyHasPassword), Description = l["Kontoen har allerede en adgangskode."] };

    public override IdentityError ConcurrencyFailure() =>
        new() { Code = nameof(ConcurrencyFailure), Description = l["Kontoen blev ændret samtidig et andet sted. Prøv igen."] };

    public override IdentityError DefaultError() =>
        new() { Code = nameof(DefaultError), Description = l["Noget gik galt. Prøv igen."] };
}

public static class ModelBindingMessages
{
    /// <summary>Model binding messages (e.g. a number field with text in it) in Danish; they are not resources.</summary>
    public static void UseDanishMessages(this DefaultModelBindingMessageProvider p)
    {
        p.SetValueMustNotBeNullAccessor(_ => "Feltet skal udfyldes.");
        p.SetAttemptedValueIsInvalidAccessor((value, field) => $"Værdien '{value}' er ikke gyldig.");
        p.SetMissingBindRequiredValueAccessor(_ => "Feltet skal udfyldes.");
        p.SetMissingKeyOrValueAccessor(() => "Feltet skal udfyldes.");
        p.SetMissingRequestBodyRequiredValueAccessor(() => "Formularen var tom.");
        p.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"Værdien '{value}' er ikke gyldig.");
        p.SetNonPropertyUnknownValueIsInvalidAccessor(() => "Værdien er ikke gyldig.");
        p.SetNonPropertyValueMustBeANumberAccessor(() => "Skriv et tal.");
        p.SetUnknownValueIsInvalidAccessor(_ => "Værdien er ikke gyldig.");
        p.SetValueIsInvalidAccessor(value => $"Værdien '{value}' er ikke gyldig.");
        p.SetValueMustBeANumberAccessor(_ => "Skriv et tal.");
    }
}
