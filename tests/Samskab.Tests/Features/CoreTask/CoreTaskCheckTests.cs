using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>The 1.0 / 2.0 check over example formulations written from seeds 000 and 004: the staff's home ground
/// (1.0), the citizen's experienced welfare (2.0), and the borderline cases between them.</summary>
public class CoreTaskCheckTests
{
    /// <summary>Text, the version, and the findings as rule:words (words joined by _), in any order.</summary>
    public static TheoryData<string, string, string> Examples => new()
    {
        // Version 1.0: what the professionals do (seed 004's own examples first).
        { "Vores kerneopgave er at undervise børn.", "1.0", "activity-verb:undervise citizen-plural:børn no-effect no-co-creation" },
        { "Vores kerneopgave er at understøtte borgerne.", "1.0", "activity-verb:understøtte citizen-plural:borgerne no-effect no-co-creation" },
        { "Vores kerneopgave er at tilbyde borgerne gode aktiviteter.", "1.0", "activity-verb:tilbyde citizen-plural:borgerne no-effect no-co-creation" },
        { "Vores kerneopgave er at sikre, at alle børn får et sundt frokostmåltid.", "1.0", "activity-verb:sikre citizen-plural:børn no-effect no-co-creation" },
        { "Vi sikrer, at de ledige hurtigt kommer i job.", "1.0", "activity-verb:sikrer citizen-plural:de_ledige no-effect no-co-creation" },
        { "Jobcentret leverer målrettede tilbud til borgere på kanten af arbejdsmarkedet.", "1.0", "activity-verb:leverer citizen-plural:borgere no-effect no-co-creation" },
        { "Hjemmeplejen yder personlig og praktisk hjælp til de ældre.", "1.0", "activity-verb:yder citizen-plural:de_ældre no-effect no-co-creation" },
        { "Vi behandler patienterne hurtigt og fagligt korrekt.", "1.0", "activity-verb:behandler citizen-plural:patienterne no-effect no-co-creation" },
        { "Børnehaven varetager den pædagogiske opgave.", "1.0", "activity-verb:varetager no-citizen no-effect no-co-creation" },
        { "Borgerne tilbydes undervisning i dansk.", "1.0", "passive:tilbydes citizen-plural:Borgerne no-effect no-co-creation" },
        { "Eleverne undervises i fagene efter Fælles Mål.", "1.0", "passive:undervises citizen-plural:Eleverne no-effect no-co-creation" },
        { "Derfor tilbyder vi et bredt udvalg af aktiviteter.", "1.0", "activity-verb:tilbyder no-citizen no-effect no-co-creation" },
        { "Pædagogerne hjælper børnene med at klæde sig på.", "1.0", "activity-verb:hjælper citizen-plural:børnene one-profession:Pædagogerne no-effect no-co-creation" },
        { "Det er vores opgave at servicere borgerne bedst muligt.", "1.0", "activity-verb:servicere citizen-plural:borgerne no-effect no-co-creation" },
        { "Skolen skal levere undervisning af høj kvalitet.", "1.0", "activity-verb:levere no-citizen no-effect no-co-creation" },
        { "Vi har fokus på at understøtte familierne.", "1.0", "activity-verb:understøtte citizen-plural:familierne no-effect no-co-creation" },
        { "Kommunen sikrer rammerne for et godt ældreliv.", "1.0", "activity-verb:sikrer no-citizen no-effect no-co-creation" },
        { "Sidste år hjalp vi 300 ledige i praktik.", "1.0", "activity-verb:hjalp citizen-plural:ledige no-effect no-co-creation" },
        { "Medarbejderne yder omsorg og pleje døgnet rundt.", "1.0", "activity-verb:yder no-citizen no-effect no-co-creation" },
        { "Genoptræningscentret behandler sygemeldte efter operationer.", "1.0", "activity-verb:behandler citizen-plural:sygemeldte no-effect no-co-creation" },
        { "Understøtter familier i krise.", "1.0", "activity-verb:Understøtter citizen-plural:familier no-effect no-co-creation" },
        { "Borgeren bliver hjulpet med sin ansøgning.", "1.0", "passive:hjulpet no-effect no-co-creation" },
        { "Vi vejleder og rådgiver den unge om uddannelse.", "1.0", "activity-verb:vejleder activity-verb:rådgiver no-effect no-co-creation" },
        { "VI SIKRER AT BARNET FÅR MAD.", "1.0", "activity-verb:SIKRER no-effect no-co-creation" },

        // Version 2.0: the citizen's experienced welfare, in the singular.
        { "Barnet oplever at høre til i et fællesskab, hvor det bliver set og får mod på at lære.", "2.0", "no-time-horizon no-co-creation" },
        { "Borgeren mestrer sin egen hverdag og oplever, at livet hænger sammen – nu og på lang sigt.", "2.0", "" },
        { "Den ledige oplever at komme tættere på et arbejdsliv, der giver mening, og er selv med til at finde vejen.", "2.0", "no-time-horizon" },
        { "Sammen med barnet og familien skaber vi en hverdag, hvor barnet trives og udvikler sig.", "2.0", "no-time-horizon" },
        { "Den ældre borger lever det liv, hun selv ønsker, i eget hjem så længe som muligt og resten af livet.", "2.0", "" },
        { "Eleven får lyst til at lære og tror på egne evner, både i dag og resten af livet.", "2.0", "no-co-creation" },
        { "Patienten bliver i stand til at klare sig selv igen efter sin operation.", "2.0", "no-time-horizon" },
        { "Den unge oplever, at der er voksne, som tror på ham, og han finder selv vej til uddannelse.", "2.0", "no-time-horizon" },
        { "Borgeren er tryg i sit lokalområde og tager del i fællesskabet.", "2.0", "no-time-horizon" },
        { "Familien oplever sig hørt og er med til at bestemme, hvad der skal ske på kort og lang sigt.", "2.0", "" },
        { "Barnets trivsel og lyst til at lære er vores fælles ledestjerne, i dag og i voksenlivet.", "2.0", "no-co-creation" },
        { "Beboeren har et meningsfuldt liv med venner og fællesskab, som hun selv er med til at skabe.", "2.0", "no-time-horizon" },

        // Borderline: an activity verb with an effect for the citizen, plural citizens, or no citizen at all.
        { "Vi understøtter barnet, så det oplever glæde og tryghed i hverdagen.", "2.0", "staff-first:understøtter no-time-horizon no-co-creation" },
        { "Vi sikrer, at barnet oplever tryghed.", "2.0", "staff-first:sikrer no-time-horizon no-co-creation" },
        { "Børnene trives.", "unclear", "citizen-plural:Børnene no-time-horizon no-co-creation" },
        { "Borgerne oplever, at de bliver hjulpet hurtigt.", "unclear", "citizen-plural:Borgerne staff-first:hjulpet no-time-horizon no-co-creation" },
        { "Vi vil gøre en forskel.", "unclear", "no-citizen no-effect no-co-creation" },
        { "Kerneopgaven er trivsel.", "unclear", "no-citizen no-time-horizon no-co-creation" },
        { "Vores kerneopgave er at skabe værdi for borgeren.", "unclear", "no-effect no-co-creation" },
        { "Barnet leger og hjælper de andre børn.", "unclear", "no-effect no-co-creation" },
        { "Lærerne oplever, at eleven trives.", "2.0", "no-time-horizon no-co-creation one-profession:Lærerne" },
        // "Et trygt miljø" is the staff's offer, not what the child experiences: still 1.0.
        { "Vores kerneopgave er at tilbyde børnene et trygt og udviklende pædagogisk miljø og at sikre, at alle børn er skoleparate.", "1.0", "activity-verb:tilbyde activity-verb:sikre citizen-plural:børnene citizen-plural:børn no-time-horizon no-co-creation" },
        { "Barnet oplever tryghed og glæde i hverdagen, og vi understøtter, at det bliver skoleparat.", "2.0", "staff-first:understøtter no-time-horizon no-co-creation" },
        { "Barnet oplever at høre til i et fællesskab, hvor det bliver set, får venner og selv er med til at bestemme – så det får mod på livet, både i dag og når det begynder i skole.", "2.0", "" },
        { "", "unclear", "" },
    };

    [Theory]
    [MemberData(nameof(Examples))]
    public void AFormulation_IsCheckedSentenceBySentence_AndEachFindingPointsAtItsWords(string text, string version, string expected)
    {
        var result = CoreTaskCheck.Check(text);

        Assert.Equal(version, result.VersionName);
        var findings = result.Findings.Select(f => f.Words.Length == 0 ? f.Rule : f.Rule + ":" + f.Words.Replace(' ', '_')).OrderBy(f => f, StringComparer.Ordinal);
        Assert.Equal(expected.Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal), findings);
        foreach (var f in result.Findings)
        {
            // Each finding's place in the text is the words it names (or the whole text for advice about all of it).
            Assert.Equal(f.Words.Length == 0 ? text : f.Words, text.Substring(f.Start, f.Length));
        }
    }

    [Fact]
    public void ALongerFormulation_PointsAtTheRightSentence()
    {
        const string text = "Barnet oplever glæde og tryghed i hverdagen, på kort og lang sigt, sammen med sin familie.\nDerudover underviser vi i trafik.";
        var result = CoreTaskCheck.Check(text);

        Assert.Equal("1.0", result.VersionName);
        var verb = Assert.Single(result.Findings);
        Assert.Equal(("activity-verb", "underviser"), (verb.Rule, text.Substring(verb.Start, verb.Length)));
    }

    [Fact]
    public void AnImprovedFormulation_MovesFrom1To2()
    {
        var before = CoreTaskCheck.Check("Vores kerneopgave er at understøtte borgerne i at komme i job.");
        var after = CoreTaskCheck.Check("Den ledige oplever, at hun selv er med til at finde et arbejde, der giver mening – på kort og lang sigt.");

        Assert.Equal(CoreTaskVersion.Version1, before.Version);
        Assert.Equal(CoreTaskVersion.Version2, after.Version);
        Assert.Empty(after.Findings);
    }
}
