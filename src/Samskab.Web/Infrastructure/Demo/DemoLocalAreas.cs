using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.LocalAreas;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Web.Infrastructure.Demo;

/// <summary>
/// The demo's local areas: four areas of Engby Kommune with their forums, two bridge builders, sixty requests in every
/// state with their threads (one reopened by the community, one handed over, one past its answer date), a few
/// followers, and a campaign that asks one area for input.
/// </summary>
public static class DemoLocalAreas
{
    public const string BridgeBuilderEmail = "brobygger@demo.samskab.dk";
    public const string SecondBridgeBuilderEmail = "brobygger2@demo.samskab.dk";

    private static readonly (string Name, string Description, string Places, string Forum, string Contact)[] Areas =
    [
        ("Engby Nord", "Boligkvartererne nord for åen med Engen Skole, multibanen og de store grønne arealer.", "Engen\nNørremarken\nSkovbakken\nEngvej",
            "Engby Nord Lokalråd", "Formand Bente Holm, tlf. 20 30 40 50\nMøder første tirsdag i måneden kl. 19 i Engen Skoles kantine."),
        ("Engby Midtby", "Byens centrum med torvet, havnefronten og stationen.", "Midtbyen\nHavnen\nStationsbyen\nGågaden",
            "Midtbyens Borgerforening", "Kontakt: Jens Friis, midtbyen@forening.example.dk"),
        ("Kirkeby og omegn", "Landsbyerne vest for Engby med kirken, forsamlingshuset og den gamle skole.", "Kirkeby\nLille Kirkeby\nMosegården\nVesterled",
            "Kirkeby Landsbyråd", "Kontakt: Karin Bæk, tlf. 61 62 63 64\nLandsbyrådet holder åbent møde i forsamlingshuset hver anden måned."),
        ("Strandby", "Fiskerlejet og sommerhusområderne ved kysten.", "Strandby\nSønderstrand\nFiskerlejet\nKlitvej",
            "Strandby Lokalforum", "Kontakt: Ole Madsen, strandby@lokalforum.example.dk"),
    ];

    private static readonly (string Title, string Text, RequestCategory Category)[] Wishes =
    [
        ("have en bænk ved gadekæret", "Mange ældre går tur rundt om gadekæret, men der er ingen steder at sætte sig. Vi vil gerne have en bænk med ryglæn, og vi passer gerne på den.", RequestCategory.CultureAndLeisure),
        ("låne skolens gymnastiksal til høstfesten", "Høstfesten er vokset ud af forsamlingshuset. Kan vi låne gymnastiksalen en lørdag i september? Vi står selv for oprydning.", RequestCategory.Premises),
        ("få lavet stien langs åen", "Stien langs åen er fuld af huller og står under vand, når det regner. Børnene bruger den til skole.", RequestCategory.RoadsAndPaths),
        ("have en fodgængerovergang ved købmanden", "Bilerne kører stærkt forbi købmanden, og børn og ældre skal over vejen. Vi foreslår en fodgængerovergang eller en hastighedsdæmpning.", RequestCategory.TrafficSafety),
        ("plante frugttræer på den grønne plads", "Vi vil gerne plante og passe frugttræer på den grønne plads, så den bliver et sted, hvor naboer mødes.", RequestCategory.Nature),
        ("holde sankthans på stranden", "Vi vil gerne holde sankthansbål på stranden med båltale og sang. Hvad skal vi have tilladelse til?", RequestCategory.Events),
        ("have lys på stien til stationen", "Det er mørkt og utrygt at gå til stationen om vinteren. Der mangler lys på de sidste 300 meter.", RequestCategory.RoadsAndPaths),
        ("et sted for de unge om aftenen", "De unge hænger ud ved busstoppet, fordi der ikke er andre steder. Kan vi sammen finde et lokale, de kan bruge om aftenen?", RequestCategory.ChildrenAndYoung),
        ("flere skraldespande ved badebroen", "Om sommeren flyder det med affald ved badebroen. Vi vil gerne have flere skraldespande og hyppigere tømning.", RequestCategory.Nature),
        ("renovere legepladsen", "Legepladsen er slidt, og gyngen er gået i stykker. Forældrene vil gerne hjælpe med en arbejdsdag.", RequestCategory.ChildrenAndYoung),
        ("lukke vejen for biler under byfesten", "Byfesten skal være på hovedgaden i år. Vi vil gerne have vejen lukket lørdag fra kl. 10 til 22.", RequestCategory.Events),
        ("bruge den gamle skole som medborgerhus", "Den gamle skole står tom. Vi vil gerne bruge den som medborgerhus med foreningsliv, café og værksted.", RequestCategory.Premises),
        ("have en cykelsti til nabobyen", "Der er ingen cykelsti til nabobyen, og vejen er smal. Børnene kan ikke cykle sikkert til fritidsaktiviteter.", RequestCategory.TrafficSafety),
        ("lave en shelterplads i skoven", "Spejderne og familierne vil gerne have en shelterplads med bålsted i skoven.", RequestCategory.Nature),
        ("få en kunstgræsbane", "Fodboldklubben har for få baner om vinteren. Vi vil gerne undersøge mulighederne for en kunstgræsbane sammen med kommunen.", RequestCategory.CultureAndLeisure),
    ];

    private static readonly System.Globalization.CultureInfo Danish = new("da-DK");

    private static readonly string[] Departments = ["Vej og Park", "Kultur og Fritid", "Natur og Miljø", "Ejendomme", "Børn og Unge"];

    public static async Task SeedAsync(AppDbContext db, AppUser first, AppUser second, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var citizens = await db.Participants.Where(p => p.UserId == null && p.DeletedAt == null).OrderBy(p => p.Id).Take(60).ToListAsync(ct);
        var areas = Areas.Select((a, n) => new LocalArea
        {
            Name = a.Name,
            Description = a.Description,
            Places = a.Places,
            ForumName = a.Forum,
            ForumContact = a.Contact,
            ForumEmail = $"lokalforum{n + 1}@demo.samskab.dk",
            CreatedAt = now.AddDays(-200),
        }).ToList();
        db.LocalAreas.AddRange(areas);
        await db.SaveChangesAsync(ct);
        // The first bridge builder has three areas, the second two; they share Engby Midtby.
        foreach (var (area, n) in areas.Select((a, n) => (a, n)))
        {
            if (n != 3)
            {
                db.AreaBridgeBuilders.Add(new AreaBridgeBuilder
                {
                    AreaId = area.Id,
                    UserId = first.Id,
                    AddedAt = now.AddDays(-199),
                    Presentation = "Jeg hedder Bo og arbejder i Kultur og Fritid. Skriv til mig om alt det, I gerne vil sammen med kommunen – jeg finder den rette i forvaltningen."
                });
            }
            if (n is 1 or 3)
            {
                db.AreaBridgeBuilders.Add(new AreaBridgeBuilder
                {
                    AreaId = area.Id,
                    UserId = second.Id,
                    AddedAt = now.AddDays(-198 + n),
                    Presentation = "Jeg er fælles-skaber i Teknik og Miljø og kender vejene, stierne og naturen i området."
                });
            }
        }
        await db.SaveChangesAsync(ct);

        var requests = new List<(AreaRequest Request, List<RequestEntry> Entries)>();
        for (var n = 0; n < 60; n++)
        {
            var area = areas[n % areas.Count];
            var wish = Wishes[n % Wishes.Length];
            var citizen = citizens[n % citizens.Count];
            var owner = n % areas.Count == 3 ? second : first;
            var state = AreaRules.Order[n % AreaRules.Order.Length];
            var daysAgo = state == RequestState.Received ? 1 + n % 4 : 14 + n * 3 % 80;
            var created = now.AddDays(-daysAgo).AddHours(-n % 7);
            var name = citizen.Anonymous ? "" : citizen.DisplayName;
            var request = new AreaRequest
            {
                AreaId = area.Id,
                ParticipantId = citizen.Id,
                Title = "Vi vil gerne " + wish.Title,
                Text = wish.Text,
                Category = wish.Category,
                OnBehalfOf = n % 3 == 0 ? area.ForumName : null,
                OwnerUserId = owner.Id,
                AnswerDueOn = AreaRules.AnswerDue(DateOnly.FromDateTime(created.UtcDateTime), 10),
                CreatedAt = created,
                UpdatedAt = created,
                State = RequestState.Received,
            };
            var entries = new List<RequestEntry> { new() { Kind = RequestEntryKind.Sent, State = RequestState.Received, ByParticipantId = citizen.Id, ByName = name, At = created } };
            var at = created;
            void Staff(RequestState to, string answer)
            {
                at = at.AddDays(2).AddHours(3);
                entries.Add(new RequestEntry { Kind = RequestEntryKind.StateChange, State = to, Text = answer, FromStaff = true, ByUserId = owner.Id, ByName = owner.DisplayName, At = at });
                request.State = to;
                request.LatestAnswer = answer;
                request.FirstAnsweredAt ??= at;
                request.UpdatedAt = at;
                request.ClosedAt = request.IsClosed ? at : null;
            }
            void Message(bool staff, string text)
            {
                at = at.AddDays(1).AddHours(2);
                entries.Add(new RequestEntry { Kind = RequestEntryKind.Message, Text = text, FromStaff = staff, ByUserId = staff ? owner.Id : null, ByParticipantId = staff ? null : citizen.Id, ByName = staff ? owner.DisplayName : name, At = at });
                request.MessageCount++;
                request.UpdatedAt = at;
                if (staff) request.FirstAnsweredAt ??= at;
            }
            if (state >= RequestState.InDialogue)
            {
                Staff(RequestState.InDialogue, "Tak for jeres henvendelse. Jeg vil gerne høre lidt mere – hvor præcis tænker I, og hvem fra jer kan jeg tale med?");
                Message(false, "Det er ved det gamle pumpehus. Du kan ringe til vores formand, så viser vi dig stedet.");
                Message(true, "Tak, jeg ringer i næste uge og kommer forbi.");
            }
            if (state is RequestState.PassedOn or RequestState.Planned or RequestState.Done)
            {
                var department = Departments[n % Departments.Length];
                request.Department = department;
                request.DepartmentContact = n % 2 == 0 ? "Susanne Lund" : null;
                Staff(RequestState.PassedOn, $"Jeg har sendt jeres ønske videre til {department}, som skal vurdere det. Jeg følger op og skriver her, når jeg ved mere.");
            }
            if (state is RequestState.Planned or RequestState.Done)
            {
                request.ExpectedOn = today.AddDays(20 + n);
                Staff(RequestState.Planned, $"{request.Department} har sat det på planen. Det forventes at ske {request.ExpectedOn.Value.ToString("d. MMMM yyyy", Danish)}.");
            }
            if (state == RequestState.Done)
            {
                Staff(RequestState.Done, "Nu er det gjort. Tak for et godt samarbejde – sig til, hvis noget ikke er, som I havde tænkt.");
            }
            if (state == RequestState.ClosedNotDone)
            {
                Staff(RequestState.ClosedNotDone, "Vi kan desværre ikke gøre det, fordi arealet er privat, og ejeren ikke vil. Jeg har givet jer kontakten til ejeren, hvis I vil tale med ham selv.");
            }
            requests.Add((request, entries));
        }

        // One request past its answer date: nobody has answered it in 20 days.
        var overdue = requests[0].Request;
        overdue.CreatedAt = overdue.UpdatedAt = now.AddDays(-20);
        overdue.AnswerDueOn = AreaRules.AnswerDue(DateOnly.FromDateTime(overdue.CreatedAt.UtcDateTime), 10);
        requests[0].Entries[0].At = overdue.CreatedAt;

        // One closed without being done and reopened by the community.
        var (reopened, reopenedEntries) = requests.First(r => r.Request.State == RequestState.ClosedNotDone);
        var reopenAt = reopenedEntries[^1].At.AddDays(3);
        reopenedEntries.Add(new RequestEntry
        {
            Kind = RequestEntryKind.Reopened,
            State = RequestState.Received,
            ByParticipantId = reopened.ParticipantId,
            ByName = reopenedEntries[0].ByName,
            At = reopenAt,
            Text = "Vi har talt med ejeren, og han vil gerne nu, hvis kommunen står for vedligeholdelsen. Kan vi tage den op igen?",
        });
        reopened.State = RequestState.Received;
        reopened.ClosedAt = null;
        reopened.FirstAnsweredAt = null;
        reopened.ReopenCount = 1;
        reopened.UpdatedAt = reopenAt;
        reopened.AnswerDueOn = AreaRules.AnswerDue(DateOnly.FromDateTime(reopenAt.UtcDateTime), 10);

        // One handed over from the first bridge builder to the second in the area they share.
        var (handed, handedEntries) = requests.First(r => r.Request.AreaId == areas[1].Id && r.Request.State == RequestState.InDialogue);
        handedEntries.Add(new RequestEntry
        {
            Kind = RequestEntryKind.HandedOver,
            FromStaff = true,
            StaffOnly = true,
            ByUserId = first.Id,
            ByName = first.DisplayName,
            At = handedEntries[^1].At.AddHours(5),
            Text = $"{second.DisplayName}: Det handler om en sti – det ved du mere om end jeg.",
        });
        handed.OwnerUserId = second.Id;

        db.AreaRequests.AddRange(requests.Select(r => r.Request));
        await db.SaveChangesAsync(ct);
        foreach (var (request, entries) in requests)
        {
            foreach (var e in entries)
            {
                e.RequestId = request.Id;
            }
            db.RequestEntries.AddRange(entries);
        }

        // A few citizens follow their area.
        foreach (var c in citizens.Take(8))
        {
            db.AreaFollowers.Add(new AreaFollower { AreaId = areas[c.Id % areas.Count].Id, ParticipantId = c.Id, Token = Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(24)), CreatedAt = now.AddDays(-30), DigestedUntil = now.AddDays(-1) });
        }

        // Staff ask Kirkeby what the old school should be used for.
        var campaign = new Campaign
        {
            Type = CampaignType.IdeaBoard,
            Theme = "Den gamle skole i Kirkeby",
            Question = "Hvad skal Kirkebys gamle skole bruges til, så den bliver et sted for hele landsbyen?",
            OrganisationName = "Engby Kommune",
            OpensOn = today.AddDays(-5),
            ClosesOn = today.AddDays(30),
            LocalAreaId = areas[2].Id,
            CreatedAt = now.AddDays(-5),
            CreatedByUserId = first.Id,
        };
        campaign.Managers.Add(new CampaignManager { UserId = first.Id, AddedAt = campaign.CreatedAt });
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
    }
}
