using Microsoft.Extensions.Localization;

namespace Samskab.Web.Infrastructure.Localization;

public static class Plurals
{
    /// <summary>
    /// A count in words: Danish and English both have one form for exactly one and another for the rest, so each
    /// text has two keys, translated separately ("{0} idé" / "{0} idéer" → "{0} idea" / "{0} ideas").
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer l, int count, string one, string many) =>
        l[count == 1 ? one : many, count];

    /// <summary>The same with more arguments after the count ({1}, {2} …).</summary>
    public static LocalizedString Plural(this IStringLocalizer l, int count, string one, string many, params object[] more) =>
        l[count == 1 ? one : many, [count, .. more]];
}
