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

    [GeneratedRegex(@"\.Plural\([^,]+,\s*""((?:[^""\\]|\\.)+)"",\s*""((?:[^""\\]|\\.)+)""")]
    private static partial Regex PluralKeys();

    /// <summary>Texts chosen in code and translated where they are shown: the arms of IdeaRules' and AreaRules' switches, the image pipeline's refusals.</summary>
    [GeneratedRegex(@"(?:=> |Refused\()""((?:[^""\\]|\\.)+)""")]
    private static partial Regex ChosenText();

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
            foreach (Match m in PluralKeys().Matches(text))
            {
                yield return Regex.Unescape(m.Groups[1].Value);
                yield return Regex.Unescape(m.Groups[2].Value);
            }
            if (file.EndsWith("IdeaRules.cs", StringComparison.Ordinal) || file.EndsWith("AreaRules.cs", StringComparison.Ordinal) || file.EndsWith("ImagePipeline.cs", StringComparison.Ordinal))
            {
                foreach (Match m in ChosenText().Matches(text))
                {
                    var key = Regex.Unescape(m.Groups[1].Value);
                    if (key.Any(char.IsUpper) || key.Contains(' ', StringComparison.Ordinal))
                    {
                        yield return key;
                    }
                }
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
