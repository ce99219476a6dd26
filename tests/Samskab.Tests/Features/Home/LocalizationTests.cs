using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Samskab.Tests.Features.Permissions;
using Samskab.Web;
using Xunit;

namespace Samskab.Tests.Features.Home;

/// <summary>Danish text is the resource key; every key used in a page or in code must have an English translation.</summary>
public partial class LocalizationTests
{
    [GeneratedRegex(@"\b[Ll]\[""((?:[^""\\]|\\.)+)""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex(@"ErrorMessage = ""((?:[^""\\]|\\.)+)""")]
    private static partial Regex ErrorMessage();

    public static IEnumerable<string> UsedKeys()
    {
        var src = Path.Combine(PermissionMatrixTests.RepoRoot(), "src", "Samskab.Web");
        foreach (var file in Directory.EnumerateFiles(src, "*.*", SearchOption.AllDirectories)
                     .Where(f => (f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                                 && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
        {
            var text = File.ReadAllText(file);
            foreach (Match m in LocalizerKey().Matches(text))
            {
                yield return Regex.Unescape(m.Groups[1].Value);
            }
            foreach (Match m in ErrorMessage().Matches(text))
            {
                yield return Regex.Unescape(m.Groups[1].Value);
            }
        }
    }

    [Fact]
    public void EveryUiText_HasAnEnglishTranslation()
    {
        var resources = new ResourceManager("Samskab.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var english = CultureInfo.GetCultureInfo("en-GB");
        var missing = UsedKeys().Distinct().Where(k => string.IsNullOrEmpty(resources.GetString(k, english))).Order().ToList();
        Assert.True(missing.Count == 0, "Missing English translations:\n" + string.Join("\n", missing));
    }
}
