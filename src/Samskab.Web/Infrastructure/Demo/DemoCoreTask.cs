using Samskab.Web.Features.CoreTask;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Demo;

/// <summary>
/// The demo's core-task processes: a kindergarten that went from a 1.0 formulation to a chosen 2.0 one with parents,
/// staff, a politician and a joker, and a job centre in the middle of exploring. Anne Ankerperson owns both; Aisha
/// Aktør takes part as staff in the kindergarten.
/// </summary>
public static class DemoCoreTask
{
    private static readonly string[] CampNames = ["Mette", "Ahmed", "Birgit, nabo"];

    public static async Task SeedAsync(AppDbContext db, Samskab.Web.Infrastructure.Images.ImagePipeline images, AppUser anne, AppUser aisha, DateTimeOffset now, CancellationToken ct)
    {
        var start = now.AddDays(-60);
        CoreTaskParticipant P(string name, CoreTaskRole role, AppUser? user = null, bool owner = false) =>
            new() { Name = name, Role = role, UserId = user?.Id, IsOwner = owner, AddedAt = start };

        var anneThere = P(anne.DisplayName, CoreTaskRole.Leader, anne, owner: true);
        var aishaThere = P(aisha.DisplayName, CoreTaskRole.Staff, aisha);
        var mette = P("Mette, mor til Oliver", CoreTaskRole.Citizen);
        var ahmed = P("Ahmed, far til Sara", CoreTaskRole.Citizen);
        var lise = P("Lise Holm, byrådsmedlem", CoreTaskRole.Politician);
        var karl = P("Karl, pensioneret skovarbejder", CoreTaskRole.Joker);
        var kindergarten = new CoreTaskProcess
        {
            UnitName = "Børnehuset Solsikken",
            Description = "Vi vil finde ud af, hvad børnene og familierne oplever som værdi, før vi skriver vores nye pædagogiske grundlag.",
            Phase = CoreTaskPhase.CitizenCamp,
            CreatedAt = start,
            CreatedByUserId = anne.Id,
            Participants = [anneThere, aishaThere, mette, ahmed, lise, karl],
        };
        db.CoreTaskProcesses.Add(kindergarten);
        await db.SaveChangesAsync(ct);

        var q1 = new OpeningQuestion { ProcessId = kindergarten.Id, Text = "Hvornår har dit barn haft en god dag i børnehaven, og hvad gjorde den god?", ProposedById = anneThere.Id, CreatedAt = start.AddDays(1) };
        var q2 = new OpeningQuestion { ProcessId = kindergarten.Id, Text = "Hvad skal Solsikken give børnene, som de tager med sig resten af livet?", ProposedById = karl.Id, CreatedAt = start.AddDays(2) };
        var q3 = new OpeningQuestion { ProcessId = kindergarten.Id, Text = "Er I tilfredse med børnehaven?", ProposedById = lise.Id, CreatedAt = start.AddDays(2) };
        db.OpeningQuestions.AddRange(q1, q2, q3);
        await db.SaveChangesAsync(ct);
        db.OpeningQuestionComments.AddRange(
            new OpeningQuestionComment { QuestionId = q3.Id, AuthorId = aishaThere.Id, Text = "Det kan besvares med ja eller nej, og det er en tilfredshedsundersøgelse. Vi vil hellere høre om oplevelser.", CreatedAt = start.AddDays(3) },
            new OpeningQuestionComment { QuestionId = q1.Id, AuthorId = mette.Id, Text = "Det kan jeg svare på med det samme: når Oliver kommer hjem og fortæller om noget, han selv har fundet på.", CreatedAt = start.AddDays(3) },
            new OpeningQuestionComment { QuestionId = q1.Id, AuthorId = ahmed.Id, Text = "Godt spørgsmål, men lad os også spørge børnene selv.", CreatedAt = start.AddDays(4) });
        kindergarten.ChosenQuestionId = q1.Id;

        var versions = new[]
        {
            "Vores kerneopgave er at tilbyde børnene et trygt og udviklende pædagogisk miljø og at sikre, at alle børn er skoleparate.",
            "Barnet oplever tryghed og glæde i hverdagen, og vi understøtter, at det bliver skoleparat.",
            "Barnet oplever at høre til i et fællesskab, hvor det bliver set, får venner og selv er med til at bestemme – så det får mod på livet, både i dag og når det begynder i skole.",
        };
        var chosen = new CoreTaskFormulation { ProcessId = kindergarten.Id, Perspective = CoreTaskPerspective.Experienced, CreatedById = aishaThere.Id, CreatedAt = start.AddDays(40), LatestNumber = versions.Length };
        for (var i = 0; i < versions.Length; i++)
        {
            var answers = Enumerable.Repeat("", CoreTaskRules.GuidingQuestionCount).ToList();
            if (i == versions.Length - 1)
            {
                answers[1] = "På kort sigt: barnet glæder sig til at komme. På lang sigt: barnet tror på sig selv og kan indgå i fællesskaber.";
                answers[2] = "Barnet på 3–6 år og dets familie.";
                answers[9] = "Forældrene, den lokale spejdergruppe og biblioteket kan være med.";
            }
            chosen.Versions.Add(new FormulationVersion { Number = i + 1, Text = versions[i], Answers = answers, AuthorId = i == 0 ? aishaThere.Id : anneThere.Id, CreatedAt = start.AddDays(40 + i * 3) });
        }
        var formal = new CoreTaskFormulation { ProcessId = kindergarten.Id, Perspective = CoreTaskPerspective.Formal, CreatedById = lise.Id, CreatedAt = start.AddDays(42), LatestNumber = 1 };
        formal.Versions.Add(new FormulationVersion { Number = 1, Text = "Børnehuset skal efter dagtilbudsloven fremme børnenes trivsel, læring, udvikling og dannelse.", Answers = [], AuthorId = lise.Id, CreatedAt = start.AddDays(42) });
        db.CoreTaskFormulations.AddRange(chosen, formal);
        await db.SaveChangesAsync(ct);
        kindergarten.ChosenFormulationId = chosen.Id;

        // What the exploration found, grouped into insights on the board and validated by the participants.
        CoreTaskMaterial Piece(MaterialKind kind, CoreTaskParticipant author, int day, string text, string? subject = null) =>
            new() { ProcessId = kindergarten.Id, Kind = kind, AuthorId = author.Id, CreatedAt = start.AddDays(day), Text = text, Subject = subject };
        var belong = new CoreTaskInsight { ProcessId = kindergarten.Id, Title = "Familierne vil høre til, ikke kun aflevere og hente", CreatedById = aishaThere.Id, CreatedAt = start.AddDays(30) };
        var seen = new CoreTaskInsight { ProcessId = kindergarten.Id, Title = "Barnet vil blive set og selv være med til at bestemme", CreatedById = anneThere.Id, CreatedAt = start.AddDays(30) };
        var friends = new CoreTaskInsight { ProcessId = kindergarten.Id, Title = "Venskaber er det, børnene tager med sig", CreatedById = karl.Id, CreatedAt = start.AddDays(31) };
        db.CoreTaskInsights.AddRange(belong, seen, friends);
        await db.SaveChangesAsync(ct);
        var interview = Piece(MaterialKind.Interview, aishaThere, 12, "Det bedste er, når en voksen har tid til at høre, hvad Oliver har lavet.", "mor til en dreng på 4");
        interview.Question = "Hvornår har dit barn haft en god dag?";
        interview.WhySteps = ["Fordi så føler han, at det, han laver, betyder noget.", "Fordi han er genert og ellers ikke siger noget.", "Fordi han er bange for ikke at høre til."];
        interview.UnderlyingNeed = "At høre til og blive taget alvorligt";
        var pieces = new (CoreTaskMaterial Piece, CoreTaskInsight? Insight)[]
        {
            (interview, seen),
            (Piece(MaterialKind.Observation, anneThere, 14, "Forældrene står i garderoben med jakken på og kigger på telefonen. Ingen taler sammen.", "Garderoben kl. 7.45"), belong),
            (Piece(MaterialKind.Obituary, mette, 15, "Jeg ville savne de andre forældre, som jeg har lært at kende til sommerfesten."), belong),
            (Piece(MaterialKind.Interview, karl, 16, "Sara bestemte selv, at vi skulle bygge en hule. Hun var stolt hele ugen.", "pige på 5"), seen),
            (Piece(MaterialKind.Obituary, ahmed, 17, "Sara ville savne Ida. De har været bedste venner siden vuggestuen.", "far til Sara"), friends),
            (Piece(MaterialKind.Observation, aishaThere, 18, "Når to venner kommer på hver sin stue, leger de ved hegnet imellem.", "Legepladsen"), friends),
            (Piece(MaterialKind.Interview, lise, 19, "Jeg troede, forældrene ville tale om åbningstider. De talte om fællesskab.", "byrådsmedlem efter besøget"), null),
        };
        foreach (var (piece, insight) in pieces)
        {
            piece.InsightId = insight?.Id;
            db.CoreTaskMaterials.Add(piece);
        }
        InsightValidation V(CoreTaskInsight insight, CoreTaskParticipant who, InsightVerdict verdict, string? comment = null) =>
            new() { InsightId = insight.Id, ParticipantId = who.Id, Verdict = verdict, Comment = comment, At = start.AddDays(33) };
        db.InsightValidations.AddRange(
            V(belong, mette, InsightVerdict.Agree), V(belong, ahmed, InsightVerdict.Agree), V(belong, aishaThere, InsightVerdict.Agree),
            V(belong, lise, InsightVerdict.Partly, "Enig, men det gælder også familier, der ikke kommer til sommerfesten."),
            V(seen, mette, InsightVerdict.Agree), V(seen, karl, InsightVerdict.Agree),
            V(seen, aishaThere, InsightVerdict.Partly, "Børnene skal være med til at bestemme, men ikke over alt. Vi sætter rammen."),
            V(friends, ahmed, InsightVerdict.Agree), V(friends, anneThere, InsightVerdict.Agree),
            V(friends, lise, InsightVerdict.Disagree, "Venskaber er vigtige, men det er ikke børnehavens opgave alene at skabe dem."));
        await db.SaveChangesAsync(ct);

        // The citizen camp is open: the chosen core task is public, with an idea board for new ways to solve it.
        var camp = new Campaign
        {
            Type = CampaignType.IdeaBoard,
            Theme = "Borgercamp: Børnehuset Solsikken",
            Question = "Hvordan kan vi sammen løse kerneopgaven på nye måder?",
            Description = versions[^1],
            OrganisationName = "Børnehuset Solsikken",
            OpensOn = DateOnly.FromDateTime(now.AddDays(-5).UtcDateTime),
            ClosesOn = DateOnly.FromDateTime(now.AddDays(25).UtcDateTime),
            CreatedAt = now.AddDays(-5),
            CreatedByUserId = anne.Id,
            Managers = [new CampaignManager { UserId = anne.Id, AddedAt = now.AddDays(-5) }],
        };
        db.Campaigns.Add(camp);
        var campers = CampNames.Select((name, i) => new Participant
        {
            DisplayName = name,
            Email = $"borgercamp{i + 1}@demo.samskab.dk",
            CreatedAt = now.AddDays(-4),
            ConfirmedAt = now.AddDays(-4),
            InviteCode = Participant.NewInviteCode(),
        }).ToList();
        db.Participants.AddRange(campers);
        await db.SaveChangesAsync(ct);
        var campIdeas = new (string Title, string Text, int Likes)[]
        {
            ("Forældrekaffe i garderoben fredag morgen", "Et kvarter med kaffe, så forældrene lærer hinanden at kende, mens børnene leger.", 14),
            ("Vennestier mellem stuerne", "Børn, der er venner, kan besøge hinandens stue hver dag efter frokost.", 9),
            ("Børnenes egen morgensamling", "Børnene skiftes til at bestemme dagens første leg.", 6),
            ("Bedsteforældre fortæller", "Pensionister fra byen kommer og fortæller historier en gang om måneden.", 3),
        };
        db.Ideas.AddRange(campIdeas.Select((idea, i) => new Idea
        {
            CampaignId = camp.Id,
            ParticipantId = campers[i % campers.Count].Id,
            Title = idea.Title,
            Text = idea.Text,
            LikeCount = idea.Likes,
            CreatedAt = now.AddDays(-4 + i),
        }));
        camp.IdeaCount = campIdeas.Length;
        kindergarten.CampCampaignId = camp.Id;
        kindergarten.CampPublishedAt = now.AddDays(-5);
        await db.SaveChangesAsync(ct);

        var jobCentre = new CoreTaskProcess
        {
            UnitName = "Jobcenter Engby",
            Description = "Sammen med ledige, virksomheder og medarbejdere vil vi finde den oplevede kerneopgave. Vi kører med fremtidsbussen i foråret.",
            Phase = CoreTaskPhase.Exploration,
            CreatedAt = now.AddDays(-20),
            CreatedByUserId = anne.Id,
            Participants =
            [
                P(anne.DisplayName, CoreTaskRole.Staff, anne, owner: true),
                P("Ali, ledig i 14 måneder", CoreTaskRole.Citizen),
                P("Susanne, sygemeldt", CoreTaskRole.Citizen),
                P("Henrik, virksomhedsejer", CoreTaskRole.Joker),
                P("Jobcentrets leder", CoreTaskRole.Leader),
            ],
        };
        db.CoreTaskProcesses.Add(jobCentre);
        await db.SaveChangesAsync(ct);
        var jq = new OpeningQuestion { ProcessId = jobCentre.Id, Text = "Hvad har gjort en forskel for dig på vejen mod et arbejdsliv, du er glad for?", ProposedById = jobCentre.Participants[0].Id, CreatedAt = now.AddDays(-18) };
        db.OpeningQuestions.Add(jq);
        await db.SaveChangesAsync(ct);
        jobCentre.ChosenQuestionId = jq.Id;
        var staff = jobCentre.Participants[0];
        var ali = jobCentre.Participants[1];
        db.CoreTaskMaterials.AddRange(
            new CoreTaskMaterial
            {
                ProcessId = jobCentre.Id,
                Kind = MaterialKind.Interview,
                AuthorId = staff.Id,
                CreatedAt = now.AddDays(-12),
                Subject = "ledig i 14 måneder",
                Question = "Hvad har gjort en forskel for dig?",
                Text = "Da min sagsbehandler ringede og spurgte, hvordan min søn havde det.",
                WhySteps = ["Fordi det viste, at hun så mig som mere end en sag.", "Fordi jeg ellers føler mig som et nummer.", "Fordi jeg har mistet det, jeg var stolt af: mit arbejde."],
                UnderlyingNeed = "At blive set som et helt menneske og have noget at være stolt af",
            },
            new CoreTaskMaterial
            {
                ProcessId = jobCentre.Id,
                Kind = MaterialKind.Interview,
                AuthorId = ali.Id,
                CreatedAt = now.AddDays(-11),
                Subject = "virksomhedsejer",
                Question = "Hvornår har jobcentret hjulpet din virksomhed?",
                Text = "Når de sender én, der passer, i stedet for fem, der ikke gør.",
                WhySteps = ["Fordi vi er små og ikke har tid til mange samtaler.", "Fordi en forkert ansættelse kan koste os en kunde."],
                UnderlyingNeed = "Tillid til, at jobcentret kender både virksomheden og den ledige",
            },
            new CoreTaskMaterial
            {
                ProcessId = jobCentre.Id,
                Kind = MaterialKind.Observation,
                AuthorId = staff.Id,
                CreatedAt = now.AddDays(-10),
                Subject = "Venteværelset, mandag formiddag",
                ObservedOn = DateOnly.FromDateTime(now.AddDays(-10).UtcDateTime),
                Text = "Tolv mennesker venter. Ingen taler sammen. Skærmen viser kun nummeret på den næste.",
                Surprise = "Flere havde mødt op en halv time for tidligt af frygt for at miste ydelsen.",
            },
            new CoreTaskMaterial
            {
                ProcessId = jobCentre.Id,
                Kind = MaterialKind.Obituary,
                AuthorId = ali.Id,
                CreatedAt = now.AddDays(-9),
                Subject = "ledig i 14 måneder",
                Text = "Jeg ville savne Lone, der kendte mit navn, og kurset hvor jeg mødte de andre. Ikke brevene.",
            });
        await db.SaveChangesAsync(ct);

        // One of us for a day: the company owner spent a day in the reception; the leader's commitment is overdue.
        var henrik = jobCentre.Participants[3];
        var leader = jobCentre.Participants[0];
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        db.CoreTaskCommitments.AddRange(
            new CoreTaskCommitment
            {
                ProcessId = jobCentre.Id,
                ActorId = henrik.Id,
                CreatedById = leader.Id,
                Place = "i jobcentrets modtagelse",
                Idea = "Virksomheder får én fast kontaktperson i stedet for en fælles mailadresse.",
                Deadline = today.AddDays(-3),
                Status = CommitmentStatus.InProgress,
                StatusNote = "Vi mangler at aftale, hvem der dækker ved ferie.",
                CreatedAt = now.AddDays(-8),
                UpdatedAt = now.AddDays(-4),
            },
            new CoreTaskCommitment
            {
                ProcessId = jobCentre.Id,
                ActorId = jobCentre.Participants[1].Id,
                CreatedById = leader.Id,
                Place = "til et holdforløb",
                Idea = "Venteværelset får kaffe, og skærmen viser, hvem man skal tale med.",
                Deadline = today.AddDays(21),
                CreatedAt = now.AddDays(-6),
                UpdatedAt = now.AddDays(-6),
            });
        await db.SaveChangesAsync(ct);

        // The future bus: a ride through the town with three stops, photos (drawn by code) taken on the way to each,
        // and the dialogue at the stops noted beside them.
        var susanne = jobCentre.Participants[2];
        var ride = new CoreTaskBusRide { ProcessId = jobCentre.Id, Title = "Fremtidsbussen gennem Engby", RideOn = today.AddDays(-5), CreatedAt = now.AddDays(-7) };
        ride.Stops.AddRange(
        [
            new CoreTaskBusStop { Place = "Havnen, hvor værftet lå", At = new TimeOnly(9, 30), CreatedAt = now.AddDays(-7),
                Dialogue = "Ali fortalte om sin far, der byggede skibe her i 30 år. Flere nikkede: arbejde giver en plads i byen, ikke kun en løn." },
            new CoreTaskBusStop { Place = "Industrikvarteret ved ringvejen", At = new TimeOnly(10, 45), CreatedAt = now.AddDays(-7),
                Dialogue = "Henrik viste, hvor han mangler folk. Susanne: »Jeg vidste ikke, at der fandtes deltidsjob her.« Idé: jobcentret holder møder ude på virksomhederne." },
            new CoreTaskBusStop { Place = "Biblioteket", At = new TimeOnly(12, 0), CreatedAt = now.AddDays(-7) },
        ]);
        db.CoreTaskBusRides.Add(ride);
        await db.SaveChangesAsync(ct);
        var photos = new (int Stop, CoreTaskParticipant By, string Caption)[]
        {
            (0, ali, "Kranen står der endnu. Her var der arbejde til hele byen."),
            (0, susanne, "Bænken ved vandet, hvor jeg går hen, når brevene fra jobcentret kommer."),
            (1, ali, "Lagerhallen med skiltet »Vi søger«. Dem havde jeg aldrig set."),
            (1, staff, "Frokoststuen på fabrikken: her taler folk sammen, det gør de ikke i vores venteværelse."),
            (2, susanne, "Biblioteket, hvor jeg kan sidde og søge job uden at føle mig som en sag."),
        };
        for (var i = 0; i < photos.Length; i++)
        {
            var stored = await images.StoreAsync(DemoPhotos.Landscape(i + 7), ct);
            db.CoreTaskMaterials.Add(new CoreTaskMaterial
            {
                ProcessId = jobCentre.Id,
                Kind = MaterialKind.Photo,
                AuthorId = photos[i].By.Id,
                CreatedAt = now.AddDays(-5).AddMinutes(30 * i),
                PhotoKey = stored.Key,
                Text = photos[i].Caption,
                BusStopId = ride.Stops[photos[i].Stop].Id,
            });
        }

        // A link for citizens in the waiting room, with one obituary waiting for the review.
        var invite = new CoreTaskInvite
        {
            ProcessId = jobCentre.Id,
            Code = CoreTaskCodes.New(),
            Kind = MaterialKind.Obituary,
            Prompt = "Hvis jobcentret lukkede i morgen – hvad ville du savne?",
            CreatedById = staff.Id,
            CreatedAt = now.AddDays(-3),
        };
        db.CoreTaskInvites.Add(invite);
        await db.SaveChangesAsync(ct);
        var guest = new CoreTaskParticipant { ProcessId = jobCentre.Id, Name = "Kim, i venteværelset", Role = CoreTaskRole.Citizen, InviteId = invite.Id, AddedAt = now.AddDays(-2) };
        db.CoreTaskParticipants.Add(guest);
        await db.SaveChangesAsync(ct);
        db.CoreTaskMaterials.Add(new CoreTaskMaterial
        {
            ProcessId = jobCentre.Id,
            Kind = MaterialKind.Obituary,
            AuthorId = guest.Id,
            CreatedAt = now.AddDays(-2),
            Text = "Jeg ville savne kurset om at skrive ansøgninger. Ikke de mange møder.",
            PendingReview = true,
        });
        await db.SaveChangesAsync(ct);
    }
}
