using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web;
using Samskab.Web.Features.Initiatives;
using Xunit;

namespace Samskab.Tests.Features.Initiatives;

/// <summary>The history is stored as data and told in the reader's language, older entries included.</summary>
public partial class TimelineLanguageTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    [GeneratedRegex(@"\{\d\}")]
    private static partial Regex Placeholder();

    [Fact]
    public void EveryHistorySentence_AndEveryKeyInIt_HasAnEnglishTranslation_WithTheSamePlaceholders()
    {
        var resources = new ResourceManager("Samskab.Web.Resources.SharedResource", typeof(SharedResource).Assembly);
        var english = CultureInfo.GetCultureInfo("en-GB");
        var problems = new List<string>();
        foreach (var template in TimelineEvents.All.Where(t => t.Id != "text"))
        {
            var en = resources.GetString(template.Danish, english);
            if (string.IsNullOrEmpty(en))
            {
                problems.Add("missing: " + template.Danish);
                continue;
            }
            var want = Placeholder().Matches(template.Danish).Select(m => m.Value).Order();
            var got = Placeholder().Matches(en).Select(m => m.Value).Order();
            if (!want.SequenceEqual(got))
            {
                problems.Add("placeholders differ: " + template.Danish + " → " + en);
            }
            foreach (var key in (template.Candidates ?? []).SelectMany(c => c).Distinct())
            {
                if (string.IsNullOrEmpty(resources.GetString(key, english)))
                {
                    problems.Add("missing key: " + key);
                }
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    public static TheoryData<string, string[]> Samples() => new()
    {
        { "platform.created.coordinators", ["Tryg i Nattelivet", "4", "Søren Ærø\nBo Bæk"] },
        { "actor.role.wg", ["Aisha Aktør", "Observatør"] },
        { "initiative.edited", ["Titel\nSpilleregler"] },
        { "platform.member-left", ["Karim", "Platform \"Nord\""] },
        { "proposal.objected", ["Bo Bæk", "Nyt fokus"] },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void AnOlderEntry_WrittenAsDanishProse_IsReadBackIntoTheSameParts(string id, string[] args)
    {
        var parts = new[] { TimelineEvents.Part(id, args), TimelineEvents.ByConsent(["Anna", "Bo Bæk", "Cem"]) };
        var danish = TimelineEvents.Danish(parts);
        var parsed = TimelineEvents.Parse(danish);
        Assert.Equal(TimelineEvents.Serialize(parts), TimelineEvents.Serialize(parsed));
    }

    [Fact]
    public void AnOlderEntry_WithADateInTheOldFormat_GetsItsMoment_AndUnknownProseIsKeptWordForWord()
    {
        var parsed = TimelineEvents.Parse("Statusmøde er planlagt til 15-12-2026 14:30 med 12 inviterede.");
        var part = Assert.Single(parsed);
        Assert.Equal("meeting.planned", part.T);
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 13, 30, 0, TimeSpan.Zero), DateTimeOffset.Parse(part.A[1], CultureInfo.InvariantCulture));
        var prose = TimelineEvents.Parse("Noget helt andet skete.");
        Assert.Equal("text", Assert.Single(prose).T);
        Assert.Equal("Noget helt andet skete.", TimelineEvents.Danish(prose));
    }

    [Fact]
    public void Names_AreJoinedTheReadersWay_AndAPlatformWithOneMemberIsSingular()
    {
        Assert.Equal("Anna, Bo og Cem", TimelineEvents.JoinNames(["Anna", "Bo", "Cem"], CultureInfo.GetCultureInfo("da-DK")));
        Assert.Equal("Anna, Bo and Cem", TimelineEvents.JoinNames(["Anna", "Bo", "Cem"], CultureInfo.GetCultureInfo("en-GB")));
        Assert.Equal("Udviklingsplatformen Nord er oprettet med 1 medlem.", TimelineEvents.Danish(TimelineEvents.PlatformCreated("Nord", 1, []).Parts));
        Assert.Equal("Udviklingsplatformen Nord er oprettet med 3 medlemmer og Anna og Bo som tovholdere.",
            TimelineEvents.Danish(TimelineEvents.PlatformCreated("Nord", 3, ["Anna", "Bo"]).Parts));
    }

    [Fact]
    public async Task AReaderInEnglish_ReadsTheHistoryInEnglish_NewAndOlderEntries_AndADanishReaderInDanish()
    {
        using var anne = await factory.SignedInAsync("anker@demo.samskab.dk");
        var form = await anne.GetAsync("/initiativer/nyt");
        var created = await anne.SubmitAsync(form.Document, "main form", new Dictionary<string, string>
        {
            ["Input.Title"] = "Historik på engelsk",
            ["Input.SharedChallenge"] = "Hvordan fortæller vi historien på to sprog?",
            ["Input.StartDate"] = "2026-12-01",
        });
        var id = await factory.WithDbAsync(db => db.Initiatives.Where(i => i.Title == "Historik på engelsk").Select(i => i.Id).SingleAsync());
        Assert.Contains("Initiativet \"Historik på engelsk\" er oprettet med Anne Ankerperson som ankerperson.", created.Text);

        // An entry from before the history was data: only its Danish sentence, upgraded at start-up.
        await factory.WithDbAsync(async db =>
        {
            db.Timeline.Add(new TimelineEntry
            {
                InitiativeId = id,
                At = DateTimeOffset.UtcNow,
                ByName = "Anne Ankerperson",
                Kind = "platform.standby",
                What = "Nattelivet er sat på standby til 01-02-2027. Vedtaget ved konsent af: Anna, Bo og Cem.",
            });
            await db.SaveChangesAsync();
            await TimelineEvents.UpgradeLegacyAsync(db, default);
            return 0;
        });

        var start = await anne.GetAsync("/");
        await anne.SubmitAsync(start.Document, "form.language-form", submitName: "culture=en");
        var english = await anne.GetAsync($"/initiativer/{id}/tidslinje");
        Assert.Contains("The initiative \"Historik på engelsk\" has been created with Anne Ankerperson as anchor person.", english.Text);
        Assert.Contains("Nattelivet has been put on standby until 1 February 2027. Adopted by consent of: Anna, Bo and Cem.", english.Text);
        Assert.DoesNotContain("er oprettet med", english.Text);

        await anne.SubmitAsync(english.Document, "form.language-form", submitName: "culture=da");
        var danish = await anne.GetAsync($"/initiativer/{id}/tidslinje");
        Assert.Contains("Nattelivet er sat på standby til 1. februar 2027. Vedtaget ved konsent af: Anna, Bo og Cem.", danish.Text);
    }
}
