using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Demo;

/// <summary>
/// The demo's citizen side: Engby Kommune's idea board on public spaces (byrum) with a few hundred ideas from sixty
/// citizens, families of ideas that build on each other, likes, answers in every status, one idea taken up by the
/// platform "Lys og stier", and something waiting in the moderation queue.
/// </summary>
public static class DemoParticipation
{
    public const string ManagerEmail = "indsamling@demo.samskab.dk";

    private static readonly string[] Places =
    [
        "Rådhustorvet", "Engby Park", "stien ved Engen Skole", "havnefronten", "Stationspladsen", "multibanen i Engen", "Kirkepladsen",
        "Åstien", "legepladsen på Engvej", "biblioteket", "gågaden", "Skovbrynet", "busterminalen", "den gamle brandstation",
    ];

    private static readonly (string Title, string Text)[] Things =
    [
        ("Flere bænke ved {0}", "Der er næsten ingen steder at sidde ved {0}. Bænke med ryglæn ville gøre det lettere for ældre og børnefamilier at blive lidt."),
        ("Bedre lys på {0}", "Om aftenen er {0} mørk og utryg. Lamper, der lyser nedad, ville gøre det trygt at gå der uden at genere naboerne."),
        ("Blomster og træer på {0}", "{0} er meget grå. Træer og blomsterkummer ville give skygge om sommeren og gøre stedet rart at være."),
        ("Vandpost ved {0}", "Når det er varmt, er der ingen steder at fylde sin flaske ved {0}. En vandpost ville hjælpe både løbere og legende børn."),
        ("Overdækket cykelparkering ved {0}", "Cyklerne står i regnen ved {0}. Et tag og stativer, man kan låse til, ville få flere til at cykle."),
        ("Scene til små koncerter på {0}", "En lille fast scene på {0} ville gøre det let for foreninger og skoler at holde arrangementer om sommeren."),
        ("Legeredskaber for større børn ved {0}", "Legepladsen ved {0} er for de små. De 10–14-årige mangler noget at klatre på og et sted at hænge ud."),
        ("Toilet ved {0}", "Der er intet offentligt toilet ved {0}. Det afholder mange fra at bruge stedet en hel eftermiddag."),
        ("Færre biler på {0}", "Bilerne fylder på {0}. En del af pladsen kunne blive bilfri om lørdagen, så der er plads til marked og leg."),
        ("Grill og borde ved {0}", "Faste grill og borde ved {0} ville gøre det nemt at mødes med naboerne en sommeraften."),
        ("Skraldespande med låg ved {0}", "Mågerne spreder affaldet ved {0}. Skraldespande med låg og hyppigere tømning ville holde stedet pænt."),
        ("Udendørs fitness ved {0}", "Et par enkle træningsredskaber ved {0} ville få flere i alle aldre til at bevæge sig."),
    ];

    private static readonly string[] FirstNames =
    [
        "Mette", "Jens", "Fatima", "Søren", "Lise", "Ahmad", "Karin", "Ole", "Nadia", "Peter", "Hanne", "Mikkel", "Ida", "Kasper", "Zeynep",
        "Bente", "Lars", "Amalie", "Rasmus", "Signe", "Bashir", "Tove", "Emil", "Freja", "Anders", "Jonas", "Aya", "Poul", "Camilla", "Niels",
    ];

    public static async Task SeedAsync(AppDbContext db, AppUser manager, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var random = new Random(13);
        var initiative = await db.Initiatives.OrderBy(i => i.Id).Select(i => new { i.Id }).FirstAsync(ct);
        var light = await db.Platforms.Where(p => p.InitiativeId == initiative.Id && p.Name == "Lys og stier").Select(p => new { p.Id, p.Name }).FirstAsync(ct);

        var board = new Campaign
        {
            Type = CampaignType.IdeaBoard,
            Theme = "Byrum i Engby",
            Question = "Hvad skal der til, for at du får lyst til at bruge byens pladser, parker og stier?",
            Description = "Engby Kommune vil gøre byens rum bedre sammen med dem, der bruger dem. Skriv din idé, synes godt om andres, og byg videre på dem. Vi svarer på alle idéer.",
            OrganisationName = "Engby Kommune",
            OpensOn = today.AddDays(-30),
            ClosesOn = today.AddDays(40),
            InitiativeId = initiative.Id,
            CreatedAt = now.AddDays(-31),
            CreatedByUserId = manager.Id,
        };
        board.Managers.Add(new CampaignManager { UserId = manager.Id, AddedAt = board.CreatedAt });
        var closed = new Campaign
        {
            Type = CampaignType.IdeaBoard,
            Theme = "Jul i Engby",
            Question = "Hvordan gør vi julebelysningen på torvet hyggeligere?",
            OrganisationName = "Engby Kommune",
            OpensOn = today.AddDays(-120),
            ClosesOn = today.AddDays(-60),
            Moderation = ModerationMode.BeforePublication,
            CreatedAt = now.AddDays(-121),
            CreatedByUserId = manager.Id,
        };
        closed.Managers.Add(new CampaignManager { UserId = manager.Id, AddedAt = closed.CreatedAt });
        db.Campaigns.AddRange(board, closed);

        var citizens = Enumerable.Range(0, 60).Select(n => new Participant
        {
            Email = $"borger{n + 1}@demo.samskab.dk",
            DisplayName = n % 7 == 3 ? "" : FirstNames[n % FirstNames.Length] + (n >= FirstNames.Length ? " " + (char)('A' + n % 26) + "." : ""),
            Anonymous = n % 7 == 3,
            CreatedAt = now.AddDays(-30 + n % 25),
            ConfirmedAt = now.AddDays(-30 + n % 25),
            InviteCode = Participant.NewInviteCode(),
        }).ToList();
        db.Participants.AddRange(citizens);
        await db.SaveChangesAsync(ct);

        // 168 ideas from every place and thing, then 60 that build on earlier ones (families up to three deep).
        var ideas = new List<Idea>();
        var created = now.AddDays(-29);
        foreach (var (place, p) in Places.Select((x, i) => (x, i)))
        {
            foreach (var (thing, t) in Things.Select((x, i) => (x, i)))
            {
                created = created.AddMinutes(240 + random.Next(60));
                ideas.Add(new Idea
                {
                    CampaignId = board.Id,
                    ParticipantId = citizens[(p * 12 + t) % citizens.Count].Id,
                    Title = string.Format(System.Globalization.CultureInfo.InvariantCulture, thing.Title, place),
                    Text = string.Format(System.Globalization.CultureInfo.InvariantCulture, thing.Text, place),
                    PlaceName = place,
                    CreatedAt = created,
                });
            }
        }
        db.Ideas.AddRange(ideas);
        await db.SaveChangesAsync(ct);
        var children = new List<Idea>();
        for (var n = 0; n < 60; n++)
        {
            var parent = n < 40 ? ideas[random.Next(ideas.Count)] : children[random.Next(children.Count)];
            var child = new Idea
            {
                CampaignId = board.Id,
                ParticipantId = citizens[random.Next(citizens.Count)].Id,
                Title = "Videre: " + parent.Title.Replace("Videre: ", "", StringComparison.Ordinal),
                Text = "Jeg bygger videre på idéen: gør det sammen med de foreninger, der bruger stedet i forvejen, så de kan passe på det. " + (n % 2 == 0 ? "Start med en prøveperiode om sommeren." : "Spørg de unge, hvad de vil have."),
                PlaceName = parent.PlaceName,
                BuildsOnId = parent.Id,
                FamilyRootId = parent.FamilyRootId ?? parent.Id,
                CreatedAt = parent.CreatedAt.AddHours(6 + random.Next(48)),
            };
            children.Add(child);
            parent.BuildOnCount++;
            db.Ideas.Add(child);
            await db.SaveChangesAsync(ct);
        }
        var all = ideas.Concat(children).ToList();

        // Likes: a few ideas are loved, most get a handful.
        var likes = new List<IdeaLike>();
        foreach (var (idea, n) in all.Select((x, i) => (x, i)))
        {
            var count = n % 17 == 0 ? 40 + random.Next(20) : random.Next(0, 9);
            foreach (var citizen in citizens.OrderBy(_ => random.Next()).Take(count))
            {
                // Never in the future: the results count likes up to today.
                var at = idea.CreatedAt.AddHours(1 + random.Next(200));
                likes.Add(new IdeaLike { IdeaId = idea.Id, ParticipantId = citizen.Id, CreatedAt = at < now ? at : now });
            }
            idea.LikeCount = count;
            db.IdeaFollowers.Add(new IdeaFollower { IdeaId = idea.Id, ParticipantId = idea.ParticipantId, Token = OneTimeToken.NewToken(), CreatedAt = idea.CreatedAt });
        }
        db.IdeaLikes.AddRange(likes);
        board.IdeaCount = all.Count;

        // Answers in every status; "Bedre lys på stien ved Engen Skole" is taken up by the platform Lys og stier.
        void Answer(Idea idea, IdeaStatus status, string text, int daysAgo, int? platformId = null, int? mergedInto = null)
        {
            var at = now.AddDays(-daysAgo);
            db.IdeaAnswers.Add(new IdeaAnswer { IdeaId = idea.Id, Status = status, Text = text, PlatformId = platformId, MergedIntoId = mergedInto, ByName = "Ida Indsamler, Engby Kommune", ByUserId = manager.Id, At = at });
            idea.Status = status;
            idea.AnsweredAt = at;
            idea.TakenUpByPlatformId = status == IdeaStatus.TakenUp ? platformId : idea.TakenUpByPlatformId;
            idea.MergedIntoId = mergedInto;
        }
        var lightPath = ideas.First(i => i.Title == "Bedre lys på stien ved Engen Skole");
        Answer(lightPath, IdeaStatus.Seen, "Tak for idéen. Vi har sendt den videre til Teknik og Miljø.", 20);
        Answer(lightPath, IdeaStatus.TakenUp, "Platformen Lys og stier i tryghedsinitiativet tager idéen op og går stien igennem med beboerne.", 12, light.Id);
        foreach (var (idea, n) in all.Where(i => i != lightPath).Take(60).Select((x, i) => (x, i)))
        {
            switch (n % 6)
            {
                case 0: Answer(idea, IdeaStatus.Seen, "Tak! Vi har læst idéen og vender tilbage.", 18 - n % 10); break;
                case 1: Answer(idea, IdeaStatus.BeingConsidered, "Idéen indgår i planen for byrummene næste år. Vi ser på økonomien.", 15 - n % 10); break;
                case 2: Answer(idea, IdeaStatus.Realised, "Det er gjort! Tak for idéen.", 10 - n % 8); break;
                case 3: Answer(idea, IdeaStatus.NotPossible, "Arealet ejes ikke af kommunen, så vi kan desværre ikke bygge der. Vi har givet idéen videre til grundejeren.", 9 - n % 8); break;
                case 4: Answer(idea, IdeaStatus.TakenUp, "Lys og stier kigger på det sammen med beboerne.", 8 - n % 6, light.Id); break;
                default: Answer(idea, IdeaStatus.Merged, "Idéen ligner en anden så meget, at vi behandler dem sammen.", 7 - n % 6, mergedInto: ideas[0].Id); break;
            }
        }

        // Waiting for the moderator: one idea reported by two citizens.
        var reported = all[^3];
        reported.ReportCount = 2;
        reported.AwaitsModerator = true;
        db.IdeaReports.Add(new IdeaReport { IdeaId = reported.Id, ParticipantId = citizens[1].Id, Reason = "Der står et telefonnummer i teksten.", CreatedAt = now.AddDays(-1) });
        db.IdeaReports.Add(new IdeaReport { IdeaId = reported.Id, ParticipantId = citizens[2].Id, Reason = "Personlige oplysninger.", CreatedAt = now.AddHours(-5) });

        var christmas = new Idea { CampaignId = closed.Id, ParticipantId = citizens[4].Id, Title = "Lys i træerne på torvet", Text = "Varme lyskæder i alle træerne, ikke kun i det store.", CreatedAt = now.AddDays(-100), LikeCount = 0 };
        db.Ideas.Add(christmas);
        closed.IdeaCount = 1;
        await db.SaveChangesAsync(ct);
    }
}
