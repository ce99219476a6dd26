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

        // Comments on the most liked ideas.
        foreach (var (idea, n) in all.OrderByDescending(i => i.LikeCount).Take(5).Select((x, i) => (x, i)))
        {
            foreach (var k in Enumerable.Range(0, 2 + n % 2))
            {
                db.IdeaComments.Add(new IdeaComment
                {
                    IdeaId = idea.Id,
                    ParticipantId = citizens[(n * 5 + k + 7) % citizens.Count].Id,
                    Text = k switch { 0 => "God idé! Jeg kommer der hver dag med børnene.", 1 => "Husk, at det også skal kunne bruges om vinteren.", _ => "Vi vil gerne hjælpe i foreningen." },
                    CreatedAt = idea.CreatedAt.AddHours(5 + k * 7),
                });
            }
            idea.CommentCount = 2 + n % 2;
        }
        await db.SaveChangesAsync(ct);
        await SeedWishListAsync(db, manager, citizens, now, today, ct);
        await SeedCompetitionAsync(db, manager, citizens, now, today, ct);
    }

    private static readonly string[] HarbourThemes = ["Ophold ved vandet", "Leg og bevægelse", "Trafik og parkering"];

    /// <summary>A wish list to the municipality, grouped by staff into three themes (and a few wishes not grouped yet).</summary>
    private static async Task SeedWishListAsync(AppDbContext db, AppUser manager, List<Participant> citizens, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var wishes = new Campaign
        {
            Type = CampaignType.WishList,
            Theme = "Ønsker til Engby Havn",
            Question = "Hvad ønsker du dig af havnen, når den skal fornys?",
            OrganisationName = "Engby Kommune",
            OpensOn = today.AddDays(-14),
            ClosesOn = today.AddDays(21),
            CreatedAt = now.AddDays(-15),
            CreatedByUserId = manager.Id,
        };
        wishes.Managers.Add(new CampaignManager { UserId = manager.Id, AddedAt = wishes.CreatedAt });
        db.Campaigns.Add(wishes);
        await db.SaveChangesAsync(ct);
        var themes = HarbourThemes.Select(name => new CampaignTheme { CampaignId = wishes.Id, Name = name, CreatedAt = now.AddDays(-5) }).ToList();
        db.CampaignThemes.AddRange(themes);
        await db.SaveChangesAsync(ct);
        (string Title, int? Theme, int Likes)[] list =
        [
            ("Flere bænke med udsigt over vandet", 0, 31), ("En badebro med stige", 0, 27), ("Læ for vinden ved kajen", 0, 12), ("Et sted at grille om sommeren", 0, 9),
            ("En legeplads med skibe", 1, 22), ("Kajak- og SUP-udlejning", 1, 14), ("Udendørs fitness ved stien", 1, 8),
            ("Færre biler på kajen", 2, 19), ("Cykelparkering ved færgen", 2, 11), ("Sikker overgang ved Havnevej", 2, 17),
            ("Offentlige toiletter", null, 6), ("Lys langs havnepromenaden", null, 4), ("Et lille marked om lørdagen", null, 3),
        ];
        foreach (var (w, n) in list.Select((x, i) => (x, i)))
        {
            var wish = new Idea
            {
                CampaignId = wishes.Id,
                ParticipantId = citizens[(n * 3 + 1) % citizens.Count].Id,
                Title = w.Title,
                ThemeId = w.Theme is int t ? themes[t].Id : null,
                CreatedAt = now.AddDays(-13 + n % 12).AddHours(n),
                LikeCount = w.Likes,
            };
            db.Ideas.Add(wish);
            await db.SaveChangesAsync(ct);
            db.IdeaLikes.AddRange(citizens.Take(w.Likes).Select(c => new IdeaLike { IdeaId = wish.Id, ParticipantId = c.Id, CreatedAt = wish.CreatedAt.AddHours(2) < now ? wish.CreatedAt.AddHours(2) : now }));
            db.IdeaFollowers.Add(new IdeaFollower { IdeaId = wish.Id, ParticipantId = wish.ParticipantId, Token = OneTimeToken.NewToken(), CreatedAt = wish.CreatedAt });
        }
        wishes.IdeaCount = list.Length;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A film competition: entries, two jury criteria scored by the campaign manager, the public vote (closed), and the winner.</summary>
    private static async Task SeedCompetitionAsync(AppDbContext db, AppUser manager, List<Participant> citizens, DateTimeOffset now, DateOnly today, CancellationToken ct)
    {
        var competition = new Campaign
        {
            Type = CampaignType.Competition,
            Theme = "Filmkonkurrence: Min sikre skolevej",
            Question = "Lav en film på højst to minutter om, hvordan du kommer sikkert i skole.",
            Description = "For elever i 4.–9. klasse i Engby. Juryen er Engby Kommunes trafikgruppe og Nærpolitiet. Vinderklassen får en tur i Engby Biograf.",
            OrganisationName = "Engby Kommune og Engby Nærpoliti",
            OpensOn = today.AddDays(-60),
            ClosesOn = today.AddDays(-20),
            VoteOpensOn = today.AddDays(-19),
            VoteClosesOn = today.AddDays(-5),
            CreatedAt = now.AddDays(-61),
            CreatedByUserId = manager.Id,
        };
        competition.Managers.Add(new CampaignManager { UserId = manager.Id, AddedAt = competition.CreatedAt });
        db.Campaigns.Add(competition);
        await db.SaveChangesAsync(ct);
        var criteria = new[] { ("Budskab", "Forstår man, hvordan man kommer sikkert frem?"), ("Idé og fortælling", "Er filmen original og god at se?") }
            .Select((c, i) => new JuryCriterion { CampaignId = competition.Id, Name = c.Item1, Description = c.Item2, Position = i + 1 }).ToList();
        db.JuryCriteria.AddRange(criteria);
        (string Title, string Text, int Votes, int Message, int Story)[] entries =
        [
            ("Cykelhjelmen der kunne tale", "6.B fra Engen Skole har lavet en animationsfilm, hvor en cykelhjelm fortæller om sin morgen.", 48, 5, 5),
            ("Se til begge sider", "En film optaget ved fodgængerovergangen på Skolevej, med elevernes egne regler.", 35, 5, 3),
            ("Mørkt om morgenen", "Om at blive set i vintermørket: refleksvest, lygter og lyse farver.", 29, 4, 4),
            ("Gå-bussen", "Vi går i skole sammen hver morgen – sådan gør vi.", 21, 3, 4),
            ("Skolevejens helte", "Skolepatruljen fortæller, hvad de ser hver dag.", 17, 4, 2),
        ];
        Idea? winner = null;
        foreach (var (e, n) in entries.Select((x, i) => (x, i)))
        {
            var entry = new Idea
            {
                CampaignId = competition.Id,
                ParticipantId = citizens[(n * 7 + 2) % citizens.Count].Id,
                Title = e.Title,
                Text = e.Text,
                FilmUrl = $"https://film.engby.dk/skolevej/{n + 1}",
                CreatedAt = now.AddDays(-55 + n * 6),
                LikeCount = e.Votes,
            };
            db.Ideas.Add(entry);
            await db.SaveChangesAsync(ct);
            winner ??= entry;
            db.IdeaLikes.AddRange(citizens.Take(e.Votes).Select((c, k) => new IdeaLike { IdeaId = entry.Id, ParticipantId = c.Id, CreatedAt = now.AddDays(-18 + k % 12) }));
            db.IdeaFollowers.Add(new IdeaFollower { IdeaId = entry.Id, ParticipantId = entry.ParticipantId, Token = OneTimeToken.NewToken(), CreatedAt = entry.CreatedAt });
            db.JuryScores.Add(new JuryScore { IdeaId = entry.Id, CriterionId = criteria[0].Id, UserId = manager.Id, Score = e.Message, At = now.AddDays(-6) });
            db.JuryScores.Add(new JuryScore { IdeaId = entry.Id, CriterionId = criteria[1].Id, UserId = manager.Id, Score = e.Story, At = now.AddDays(-6) });
        }
        competition.IdeaCount = entries.Length;
        competition.WinnerIdeaId = winner!.Id;
        competition.WinnerText = "Juryen og borgerne var enige: en sjov film, der får alle til at huske hjelmen. Tillykke til 6.B!";
        competition.WinnerAnnouncedAt = now.AddDays(-4);
        await db.SaveChangesAsync(ct);
    }
}
