using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.RealityChecks;
using Samskab.Web.Features.Ripples;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Infrastructure.Demo;

/// <summary>
/// The demo initiative: Politikreds Østjylland and Engby Kommune with "tryghed i boligområdet Engen", ten months in,
/// with platforms in every state, actors from every kind of organisation and the history that led there.
/// </summary>
internal static class DemoInitiative
{
    private static readonly (string Name, OrganisationType Type, string? Address)[] Orgs =
    [
        ("Politikreds Østjylland", OrganisationType.Police, "Ridderstræde 1, 8000 Aarhus C"),
        ("Engby Kommune, Børn og Unge", OrganisationType.Municipality, "Rådhustorvet 1, 8900 Engby"),
        ("Engby Kommune, Teknik og Miljø", OrganisationType.Municipality, "Rådhustorvet 1, 8900 Engby"),
        ("Ungdomsklubben Engen", OrganisationType.Municipality, "Engvej 40, 8900 Engby"),
        ("SSP Engby", OrganisationType.OtherPublicBody, null),
        ("Region Midtjylland, Psykiatrien", OrganisationType.OtherPublicBody, null),
        ("Midttrafik", OrganisationType.OtherPublicBody, null),
        ("Engen Skole", OrganisationType.Education, "Skolevej 2, 8900 Engby"),
        ("Engby Gymnasium", OrganisationType.Education, null),
        ("Boligselskabet Engen", OrganisationType.CivilSociety, "Engvej 12, 8900 Engby"),
        ("Beboerforeningen Engen", OrganisationType.CivilSociety, "Engvej 12, 8900 Engby"),
        ("Natteravnene Engby", OrganisationType.CivilSociety, null),
        ("Engby Boldklub", OrganisationType.CivilSociety, null),
        ("Engby Sogn", OrganisationType.CivilSociety, null),
        ("Netto Engen", OrganisationType.Business, null),
        ("Engby Erhvervsforening", OrganisationType.Business, null),
        ("Borgere i Engen", OrganisationType.Citizen, null),
    ];

    // Name, title, organisation index, influence, stance, necessity, involvement, consent
    private static readonly (string Name, string Title, int Org, Influence I, Stance S, Necessity N, Involvement V, bool Consent)[] People =
    [
        ("Mette Lund", "Lokalbetjent", 0, Influence.High, Stance.For, Necessity.Essential, Involvement.PlatformMember, true),
        ("Kasper Holm", "Politikommissær", 0, Influence.High, Stance.For, Necessity.Important, Involvement.AdvisoryGroup, true),
        ("Sofie Brandt", "SSP-konsulent", 4, Influence.Medium, Stance.For, Necessity.Essential, Involvement.PlatformMember, true),
        ("Jonas Kjær", "Afdelingsleder, Børn og Unge", 1, Influence.High, Stance.Neutral, Necessity.Essential, Involvement.AdvisoryGroup, true),
        ("Line Mortensen", "Gadeplansmedarbejder", 1, Influence.Medium, Stance.For, Necessity.Important, Involvement.PlatformMember, true),
        ("Peter Dahl", "Vejingeniør", 2, Influence.Medium, Stance.Neutral, Necessity.Important, Involvement.PlatformMember, false),
        ("Hanne Vestergaard", "Landskabsarkitekt", 2, Influence.Low, Stance.For, Necessity.NiceToHave, Involvement.Workshop, true),
        ("Omar Farah", "Klubmedarbejder", 3, Influence.Low, Stance.For, Necessity.Important, Involvement.PlatformMember, true),
        ("Camilla Friis", "Skoleleder", 7, Influence.High, Stance.For, Necessity.Essential, Involvement.PlatformMember, true),
        ("Rasmus Juhl", "Lærer og AKT-vejleder", 7, Influence.Low, Stance.For, Necessity.Important, Involvement.PlatformMember, true),
        ("Ida Kristensen", "Studievejleder", 8, Influence.Low, Stance.Neutral, Necessity.NiceToHave, Involvement.Interview, true),
        ("Henrik Bach", "Driftschef", 9, Influence.High, Stance.Neutral, Necessity.Essential, Involvement.PlatformMember, true),
        ("Lone Sørensen", "Boligsocial medarbejder", 9, Influence.Medium, Stance.For, Necessity.Essential, Involvement.PlatformMember, true),
        ("Yusuf Demir", "Næstformand", 10, Influence.Medium, Stance.For, Necessity.Important, Involvement.PlatformMember, true),
        ("Birgit Olsen", "Kasserer", 10, Influence.Low, Stance.For, Necessity.NiceToHave, Involvement.PlatformMember, false),
        ("Erik Nygaard", "Koordinator", 11, Influence.Low, Stance.For, Necessity.Important, Involvement.PlatformMember, true),
        ("Fatima Ali", "Natteravn", 11, Influence.Low, Stance.For, Necessity.NiceToHave, Involvement.PlatformMember, true),
        ("Morten Lauridsen", "Ungdomstræner", 12, Influence.Low, Stance.For, Necessity.Important, Involvement.PlatformMember, true),
        ("Anders Winther", "Formand", 12, Influence.Medium, Stance.Neutral, Necessity.Important, Involvement.Workshop, false),
        ("Karen Bisgaard", "Sognepræst", 13, Influence.Low, Stance.For, Necessity.NiceToHave, Involvement.PlatformMember, true),
        ("Thomas Krogh", "Butikschef", 14, Influence.Medium, Stance.Against, Necessity.Important, Involvement.PlatformMember, true),
        ("Nina Poulsen", "Direktør", 15, Influence.High, Stance.Neutral, Necessity.Important, Involvement.AdvisoryGroup, true),
        ("Jesper Møller", "Sygeplejerske, opsøgende team", 5, Influence.Low, Stance.Neutral, Necessity.Important, Involvement.Interview, false),
        ("Louise Hansen", "Planlægger", 6, Influence.Medium, Stance.Against, Necessity.NiceToHave, Involvement.Observation, true),
        ("Ahmed Hassan", "Beboer og forælder", 16, Influence.Low, Stance.For, Necessity.Important, Involvement.PlatformMember, true),
        ("Grethe Jakobsen", "Beboer, pensionist", 16, Influence.Low, Stance.Neutral, Necessity.Important, Involvement.PlatformMember, true),
        ("Emil Skov", "Beboer, 17 år", 16, Influence.Low, Stance.Against, Necessity.Essential, Involvement.Interview, false),
        ("Maria Nielsen", "Beboer", 16, Influence.Low, Stance.For, Necessity.NiceToHave, Involvement.PlatformMember, true),
        ("Bo Frederiksen", "Centerchef, Teknik og Miljø", 2, Influence.High, Stance.Against, Necessity.Important, Involvement.AdvisoryGroup, false),
        ("Sara Lindberg", "Ungeguide", 4, Influence.Low, Stance.For, Necessity.Important, Involvement.PlatformMember, true),
    ];

    public static async Task SeedAsync(AppDbContext db, IReadOnlyDictionary<string, AppUser> accounts, DateTimeOffset now, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        DateTimeOffset Ago(int days, int hour = 10) => now.Date.AddDays(-days).AddHours(hour);
        DateOnly DaysAgo(int days) => today.AddDays(-days);

        var orgs = Orgs.Select(o => new Organisation { Name = o.Name, Type = o.Type, Address = o.Address, CreatedAt = Ago(320) }).ToList();
        db.Organisations.AddRange(orgs);

        Person Account(string email, int org, string title) => new()
        {
            Name = accounts[email].DisplayName,
            Email = email,
            Title = title,
            Organisation = orgs[org],
            UserId = accounts[email].Id,
            CreatedAt = Ago(320),
        };
        var anne = Account("anker@demo.samskab.dk", 0, "Forebyggelseskoordinator");
        var tobias = Account("tovholder@demo.samskab.dk", 3, "Klubleder, Ungdomsklubben Engen");
        var aisha = Account("aktoer@demo.samskab.dk", 10, "Formand for beboerforeningen");
        var people = People.Select((p, i) => new Person
        {
            Name = p.Name,
            Title = p.Title,
            Organisation = orgs[p.Org],
            Email = $"{p.Name.Split(' ')[0].ToLowerInvariant().Replace("ø", "oe", StringComparison.Ordinal).Replace("å", "aa", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal)}.{i}@demo.samskab.dk",
            Phone = $"+45 20 {10 + i:00} {30 + i:00} {50 + i:00}",
            CreatedAt = Ago(300 - i),
        }).ToList();
        db.People.AddRange([anne, tobias, aisha, .. people]);

        var initiative = new Initiative
        {
            Title = "Tryghed i boligområdet Engen",
            SharedChallenge = "Hvordan skaber vi sammen et boligområde, hvor alle beboere – unge som ældre – føler sig trygge og har lyst til at bruge fællesarealerne?",
            Description = "Politikreds Østjylland og Engby Kommune har samlet boligselskab, beboere, skole, klub, foreninger og erhvervsliv om trygheden i Engen efter en periode med uro om aftenen.",
            StartDate = DaysAgo(300),
            Phase = 6,
            TargetGroup = "Beboerne i Engen, særligt unge 13–20 år og ældre beboere, der undgår fællesarealerne om aftenen.",
            Vision = "Det er 2028, og det gik godt: Engen er et sted, hvor unge har noget at tage sig til om aftenen, og hvor ældre går tur på stierne efter mørkets frembrud.",
            Purpose = "At øge trygheden og brugen af fællesarealerne ved at samskabe med dem, der bor og arbejder i området.",
            ImportantResults = "Færre henvendelser om uro om aftenen\nFlere unge i aktiviteter efter kl. 18\nFlere beboere, der føler sig trygge på stierne",
            Participants = "Politi, kommune, boligselskab, beboerforening, skole, klub, foreninger, den lokale butik – og de unge selv, også dem, der ikke plejer at blive spurgt.",
            CreatedAt = Ago(300),
        };
        db.Initiatives.Add(initiative);
        InitiativeMember Member(Person p, InitiativeRole role, bool workingGroup, int addedDaysAgo, Influence? i = null, Stance? s = null, Necessity? n = null, Involvement? v = null, bool onboarded = true, bool consent = true) => new()
        {
            Initiative = initiative,
            Person = p,
            SharesContactDetails = consent,
            ContactConsentChangedAt = consent ? Ago(addedDaysAgo - 10) : null,
            Role = role,
            InWorkingGroup = workingGroup,
            AddedAt = Ago(addedDaysAgo),
            Influence = i,
            Stance = s,
            Necessity = n,
            PlannedInvolvement = v,
            PreMeetingOn = onboarded ? DaysAgo(addedDaysAgo - 5) : null,
            MethodIntroducedOn = onboarded ? DaysAgo(addedDaysAgo - 5) : null,
            ChallengeIntroducedOn = onboarded ? DaysAgo(addedDaysAgo - 5) : null,
            JointPlatformIntroducedOn = onboarded ? DaysAgo(addedDaysAgo - 20) : null,
        };
        db.InitiativeMembers.AddRange(
            Member(anne, InitiativeRole.AnchorPerson, true, 300, Influence.High, Stance.For, Necessity.Essential, Involvement.PlatformMember),
            Member(tobias, InitiativeRole.Actor, false, 250, Influence.Medium, Stance.For, Necessity.Essential, Involvement.PlatformMember),
            Member(aisha, InitiativeRole.Actor, false, 250, Influence.Medium, Stance.For, Necessity.Important, Involvement.PlatformMember));
        for (var i = 0; i < people.Count; i++)
        {
            var p = People[i];
            var role = p.Name is "Bo Frederiksen" or "Nina Poulsen" ? InitiativeRole.Observer : InitiativeRole.Actor;
            var workingGroup = i is 1 or 2 or 3 or 11;
            // The two who joined last are still waiting for their pre-meeting.
            var newcomer = p.Name is "Sara Lindberg" or "Maria Nielsen";
            db.InitiativeMembers.Add(Member(people[i], role, workingGroup, newcomer ? 20 : 280 - i, p.I, p.S, p.N, p.V, onboarded: !newcomer, consent: p.Consent));
        }
        Person P(string name) => people.Single(x => x.Name == name);

        DevelopmentPlatform Platform(string name, string focus, int createdDaysAgo, params (Person Person, bool Coordinator, int JoinedDaysAgo)[] members)
        {
            var platform = new DevelopmentPlatform { Initiative = initiative, Name = name, FocusArea = focus, CreatedAt = Ago(createdDaysAgo) };
            foreach (var (person, coordinator, joined) in members)
            {
                platform.Members.Add(new PlatformMember { Person = person, IsCoordinator = coordinator, JoinedOn = DaysAgo(joined) });
            }
            db.Platforms.Add(platform);
            return platform;
        }

        var youth = Platform("Unge og fællesarealer", "Aktiviteter for unge om aftenen i og omkring klubben og på multibanen.", 240,
            (tobias, true, 240), (aisha, false, 240), (P("Omar Farah"), false, 240), (P("Line Mortensen"), false, 240), (P("Morten Lauridsen"), false, 200),
            (P("Mette Lund"), false, 240), (P("Sara Lindberg"), false, 15));
        var light = Platform("Lys og stier", "Belysning, beplantning og udsyn på stierne gennem Engen.", 240,
            (P("Henrik Bach"), true, 240), (aisha, false, 240), (P("Peter Dahl"), false, 240), (P("Hanne Vestergaard"), false, 240),
            (P("Grethe Jakobsen"), false, 230), (P("Louise Hansen"), false, 120));
        var neighbours = Platform("Naboskab og fællesskab", "Fællesspisning, gårdfester og velkomst til nye beboere.", 235,
            (P("Lone Sørensen"), true, 235), (P("Yusuf Demir"), true, 235), (P("Karen Bisgaard"), false, 235), (P("Birgit Olsen"), false, 235),
            (P("Ahmed Hassan"), false, 200), (P("Maria Nielsen"), false, 18));
        var school = Platform("Skole, fritid og lektiecafé", "En lektiecafé med frivillige og overgangen fra skole til fritid.", 230,
            (P("Camilla Friis"), true, 230), (P("Rasmus Juhl"), false, 230), (P("Ida Kristensen"), false, 230), (P("Sofie Brandt"), false, 230));
        var night = Platform("Nattevandring", "Voksne på gaden fredag og lørdag aften.", 230,
            (P("Erik Nygaard"), true, 230), (P("Fatima Ali"), false, 230));
        var traffic = Platform("Tryg trafik", "Sikre skoleveje og busstoppesteder.", 228,
            (P("Louise Hansen"), true, 228), (P("Peter Dahl"), false, 228));
        var business = Platform("Erhverv og tryghed", "Butikkerne og de unge: fra konflikt til fritidsjob.", 150,
            (P("Thomas Krogh"), true, 150), (P("Jonas Kjær"), false, 150), (P("Kasper Holm"), false, 150), (P("Ahmed Hassan"), false, 140));
        await db.SaveChangesAsync(ct);
        foreach (var member in db.InitiativeMembers.Local.Where(m => m.InitiativeId == initiative.Id && m.SharesContactDetails))
        {
            db.ContactConsents.Add(new ContactConsent { PersonId = member.PersonId, InitiativeId = initiative.Id, Given = true, At = member.ContactConsentChangedAt ?? Ago(290), RecordedBy = "Anne Ankerperson" });
        }

        void History(int daysAgo, DevelopmentPlatform? platform, TimelineEvent e, string? why = null, string by = "Anne Ankerperson", bool byAnchor = false) =>
            db.Timeline.Add(new TimelineEntry
            {
                InitiativeId = initiative.Id,
                PlatformId = platform?.Id,
                At = Ago(daysAgo),
                ByName = by,
                ByUserId = by == "Anne Ankerperson" ? anne.UserId : null,
                Kind = e.Kind,
                What = TimelineEvents.Danish(e.Parts),
                Data = TimelineEvents.Serialize(e.Parts),
                Why = why,
                ByAnchorPerson = byAnchor,
            });
        TimelineEvent Phase(int from) => TimelineEvents.Event("initiative.phase", "initiative.phase", $"{from}", Phases.Of(from).Name, $"{from + 1}", Phases.Of(from + 1).Name);

        History(300, null, TimelineEvents.Event("initiative.created", "initiative.created", initiative.Title, anne.Name));
        History(290, null, Phase(1), "Arbejdsgruppen er nedsat med politi, kommune, SSP og boligselskab.");
        History(280, null, Phase(2), "Den fælles udfordring er formuleret og godkendt af lederne.");
        History(268, null, Phase(3), "Analysen viser, at udfordringen kun kan løses sammen med beboerne.");
        History(255, null, Phase(4), "32 aktører har sagt ja efter aktørmøderne.");
        History(242, null, Phase(5), "Etableringsworkshoppen i klubben gav syv udviklingsplatforme.");
        foreach (var (platform, days) in new[] { (youth, 240), (light, 240), (neighbours, 235), (school, 230), (night, 230), (traffic, 228), (business, 150) })
        {
            var coordinators = platform.Members.Where(m => m.IsCoordinator).Select(m => m.Person!.Name).ToList();
            History(days, platform, TimelineEvents.PlatformCreated(platform.Name, platform.Members.Count, coordinators));
        }
        History(120, light, TimelineEvents.Event("platform.member-joined", "platform.member-joined", "Louise Hansen", light.Name));

        // Tryg trafik merged into Lys og stier after the coordinator meeting: the same people, the same paths.
        traffic.Status = PlatformStatus.Merged;
        traffic.MergedIntoId = light.Id;
        traffic.StatusReason = "Samme aktører og samme stier – tovholdermødet anbefalede at lægge platformene sammen.";
        foreach (var m in traffic.Members)
        {
            m.LeftOn = DaysAgo(125);
            m.LeftReason = "Platformen blev lagt sammen med Lys og stier";
        }
        var mergedByConsent = TimelineEvents.ByConsent(["Louise Hansen", "Peter Dahl"]);
        History(125, traffic, TimelineEvents.Event("platform.merged", "platform.merged", traffic.Name, light.Name).Then(mergedByConsent), traffic.StatusReason, "Louise Hansen");
        History(125, light, TimelineEvents.Event("platform.merged-in", "platform.merged-in", traffic.Name, light.Name).Then(mergedByConsent), traffic.StatusReason, "Louise Hansen");
        db.ChangeProposals.Add(new ChangeProposal
        {
            Platform = traffic,
            Kind = ProposalKind.Merge,
            MergeIntoId = light.Id,
            Reason = traffic.StatusReason,
            ProposedBy = P("Louise Hansen"),
            ProposedAt = Ago(132),
            Status = ProposalStatus.Adopted,
            DecidedAt = Ago(125),
            DecisionRecord = "Vedtaget ved konsent af: Louise Hansen, Peter Dahl.",
            Responses = [new() { Person = P("Louise Hansen"), Agrees = true, At = Ago(132) }, new() { Person = P("Peter Dahl"), Agrees = true, At = Ago(126) }],
        });

        night.Status = PlatformStatus.Closed;
        night.StatusReason = "Ingen aktiv deltagelse siden sommerferien; Natteravnene fortsætter i eget regi.";
        foreach (var m in night.Members)
        {
            m.LeftOn = DaysAgo(70);
            m.LeftReason = "Platformen blev lukket";
            m.IsCoordinator = false;
        }
        History(70, night, TimelineEvents.Event("platform.closed", "platform.closed", night.Name).Then(TimelineEvents.Part("decided.anchor")), night.StatusReason, byAnchor: true);

        school.Status = PlatformStatus.Standby;
        school.StatusReason = "Afventer byrådets budgetbeslutning om lokaler og midler til lektiecaféen.";
        school.ExpectedResumeOn = today.AddDays(45);
        History(60, school, TimelineEvents.Event("platform.standby", "platform.standby.until", school.Name, TimelineEvents.Day(school.ExpectedResumeOn!.Value))
            .Then(TimelineEvents.ByConsent(["Camilla Friis", "Ida Kristensen", "Rasmus Juhl", "Sofie Brandt"])), school.StatusReason, "Camilla Friis");

        History(45, youth, TimelineEvents.Event("platform.focus", "platform.focus.short", youth.Name, "Aktiviteter for unge om aftenen i og omkring klubben og på multibanen.")
            .Then(TimelineEvents.Part("decided.consent.short")), "Multibanen er blevet samlingssted – der skal vi være.", "Tobias Tovholder");
        History(20, null, TimelineEvents.Event("actor.added", "actor.added", "Maria Nielsen", ActorText.Role(InitiativeRole.Actor)));
        History(15, youth, TimelineEvents.Event("platform.member-joined", "platform.member-joined", "Sara Lindberg", youth.Name));

        // An open proposal on Aisha's platform, waiting for the others' consent.
        db.ChangeProposals.Add(new ChangeProposal
        {
            Platform = youth,
            Kind = ProposalKind.Focus,
            NewFocus = "Aktiviteter for unge om aftenen – og en ungeråd, der selv planlægger dem.",
            Reason = "De unge vil selv bestemme mere; et ungeråd giver dem ejerskab.",
            ProposedBy = P("Omar Farah"),
            ProposedAt = Ago(4),
            Responses = [new() { Person = P("Omar Farah"), Agrees = true, At = Ago(4) }, new() { Person = P("Line Mortensen"), Agrees = true, At = Ago(3) }],
        });
        // A year of meetings: first meetings, a coordinator meeting, two status meetings and the next one.
        var org = orgs.ToDictionary(o => o.Name);
        Meeting Meet(MeetingType type, DevelopmentPlatform? platform, int daysAgo, int hour, string? title, string? location, Organisation? host, IEnumerable<Person> invitees, bool held = true)
        {
            var template = MeetingTemplates.Of(type);
            // On a working day: a meeting held is moved back, one ahead forward, off weekends and holidays.
            var meetingDay = held && daysAgo > 0 ? DanishHolidays.PreviousWorkingDay(today.AddDays(-daysAgo)) : DanishHolidays.NextWorkingDay(today.AddDays(-daysAgo));
            var starts = MeetingInput.ToUtc(meetingDay, new TimeOnly(hour, 0))!.Value;
            var meeting = new Meeting
            {
                InitiativeId = initiative.Id,
                PlatformId = platform?.Id,
                Type = type,
                Title = title ?? template.Name + (platform is null ? "" : ": " + platform.Name),
                StartsAt = starts,
                EndsAt = starts + template.Length,
                Location = location,
                HostOrganisation = host,
                CalendarUid = $"{Guid.NewGuid():N}@samskab",
                CreatedAt = starts.AddDays(-21),
                CreatedByUserId = anne.UserId,
            };
            var order = 0;
            foreach (var item in template.Agenda)
            {
                meeting.Agenda.Add(new AgendaItem { Order = ++order, Title = item });
            }
            var n = 0;
            // Only those who were on the platform by the meeting's date were invited to it.
            foreach (var person in invitees.Distinct().Where(p => platform is null || !platform.Members.Any(m => m.Person == p && m.JoinedOn > meetingDay)))
            {
                n++;
                meeting.Invitations.Add(new Invitation
                {
                    Person = person,
                    SentSequence = 0,
                    Reply = held ? (n % 7 == 0 ? Reply.No : Reply.Yes) : (n % 5 == 0 ? Reply.None : n % 4 == 0 ? Reply.Maybe : n % 6 == 0 ? Reply.No : Reply.Yes),
                    RepliedAt = starts.AddDays(-10),
                    Attended = held ? n % 7 != 0 : null,
                });
            }
            db.Meetings.Add(meeting);
            return meeting;
        }
        IEnumerable<Person> MembersOf(DevelopmentPlatform p) => p.Members.Select(m => m.Person!);
        var everyone = new[] { anne, tobias, aisha }.Concat(people.Where(p => People.Single(x => x.Name == p.Name).Name is not ("Bo Frederiksen" or "Nina Poulsen"))).ToList();

        foreach (var (platform, daysAgo) in new[] { (youth, 226), (light, 225), (neighbours, 222), (school, 220), (night, 219), (traffic, 218), (business, 140) })
        {
            var first = Meet(MeetingType.FirstPlatformMeeting, platform, daysAgo, 17, null, "Ungdomsklubben Engen, Engvej 40", null, MembersOf(platform));
            first.Agenda[1].Minutes = "Vi blev enige om fokus: " + platform.FocusArea;
            first.Agenda[3].Minutes = "Spillereglerne blev læst op og godkendt. Vi tilføjede: 'Vi melder afbud i god tid.'";
        }
        var coordinatorMeeting = Meet(MeetingType.CoordinatorMeeting, null, 190, 9, null, "Rådhuset, mødelokale 3", org["Engby Kommune, Børn og Unge"],
            platformsCoordinators().Append(anne));
        coordinatorMeeting.Agenda[6].Minutes = "Tryg trafik og Lys og stier har de samme aktører. Vi anbefaler, at de overvejer at lægge sig sammen.";
        IEnumerable<Person> platformsCoordinators() => new[] { youth, light, neighbours, school, night, traffic }.SelectMany(p => p.Members.Where(m => m.IsCoordinator).Select(m => m.Person!));

        var firstStatus = Meet(MeetingType.StatusMeeting, null, 175, 17, "Fælles statusmøde, foråret", "Engen Skole, festsalen", org["Engen Skole"], everyone);
        firstStatus.GuestSpeaker = "Kriminolog fra Aarhus Universitet";
        firstStatus.Agenda[2].Minutes = "Alle platforme fortalte. Nattevandring har svært ved at samle folk efter kl. 22.";
        var secondStatus = Meet(MeetingType.StatusMeeting, null, 12, 17, "Fælles statusmøde, efteråret", "Boligselskabet Engen, fælleshuset", org["Boligselskabet Engen"], everyone);
        secondStatus.Agenda[5].Minutes = "Skole, fritid og lektiecafé er på standby til budgetforhandlingerne. Nattevandring er lukket.";

        for (var i = 0; i < 9; i++)
        {
            var m = Meet(MeetingType.PlatformMeeting, youth, 200 - i * 21, 17, null, "Ungdomsklubben Engen", null, MembersOf(youth));
            m.Agenda[3].Minutes = i % 2 == 0 ? "Flere piger kommer nu om onsdagen." : null;
        }
        for (var i = 0; i < 6; i++)
        {
            Meet(MeetingType.PlatformMeeting, light, 190 - i * 30, 16, null, "Boligselskabet Engen, Engvej 12", null, MembersOf(light));
        }
        for (var i = 0; i < 5; i++)
        {
            Meet(MeetingType.PlatformMeeting, neighbours, 180 - i * 35, 18, null, "Fælleshuset", null, MembersOf(neighbours));
        }
        // Erhverv og tryghed last met ten weeks ago: the dashboard flags it.
        Meet(MeetingType.PlatformMeeting, business, 73, 8, null, "Netto Engen, personalerummet", null, MembersOf(business));

        var nextStatus = Meet(MeetingType.StatusMeeting, null, -25, 17, "Fælles statusmøde, foråret", "Rådhuset, byrådssalen", org["Engby Kommune, Børn og Unge"], everyone, held: false);
        nextStatus.GuestSpeaker = "Borgmesteren";
        Meet(MeetingType.PlatformMeeting, youth, -6, 17, null, "Ungdomsklubben Engen", null, MembersOf(youth), held: false);
        await db.SaveChangesAsync(ct);

        db.Decisions.Add(new Decision { MeetingId = secondStatus.Id, Text = "Næste statusmøde holdes om et halvt år med Børn og Unge som vært.", CreatedAt = Ago(12, 19) });
        var youthLatest = await db.Meetings.Where(m => m.PlatformId == youth.Id && m.StartsAt < now).OrderByDescending(m => m.StartsAt).Select(m => m.Id).FirstAsync(ct);
        db.Agreements.AddRange(
            new Agreement { InitiativeId = initiative.Id, PlatformId = youth.Id, MeetingId = youthLatest, Text = "Undersøge, om multibanen kan få lys til kl. 22", OwnerPersonId = aisha.Id, Deadline = today.AddDays(14), CreatedAt = Ago(10) },
            new Agreement { InitiativeId = initiative.Id, PlatformId = youth.Id, MeetingId = youthLatest, Text = "Booke klubben til ungerådets første møde", OwnerPersonId = tobias.Id, Deadline = today.AddDays(7), CreatedAt = Ago(10) },
            new Agreement { InitiativeId = initiative.Id, PlatformId = youth.Id, MeetingId = youthLatest, Text = "Sende billeder fra sommerfesten til nyhedsbrevet", OwnerPersonId = P("Omar Farah").Id, CreatedAt = Ago(30), DoneAt = Ago(20) },
            new Agreement { InitiativeId = initiative.Id, PlatformId = light.Id, Text = "Tjekke lamperne på stien ved skolen med driften", OwnerPersonId = aisha.Id, Deadline = today.AddDays(-3), CreatedAt = Ago(40) },
            new Agreement { InitiativeId = initiative.Id, MeetingId = secondStatus.Id, Text = "Finde en gæstetaler til næste statusmøde", OwnerPersonId = anne.Id, Deadline = today.AddDays(10), CreatedAt = Ago(12) });

        // Goals with baselines, set at each platform's second meeting, and a year of measurements and observations.
        Goal Quantitative(DevelopmentPlatform platform, string title, string indicator, string unit, decimal baseline, int baselineDaysAgo, decimal target, GoalHorizon horizon, decimal[] series, int everyDays, string by, ValueTypes values)
        {
            var goal = new Goal
            {
                PlatformId = platform.Id,
                Title = title,
                Kind = GoalKind.Quantitative,
                Horizon = horizon,
                Indicator = indicator,
                Unit = unit,
                BaselineValue = baseline,
                BaselineDate = DaysAgo(baselineDaysAgo),
                TargetValue = target,
                TargetDate = today.AddMonths(horizon == GoalHorizon.ShortTerm ? 4 : 18),
                ServesChallenge = "Tallet viser, om trygheden i Engen flytter sig.",
                ValueTypes = values,
                CreatedAt = Ago(baselineDaysAgo),
            };
            for (var i = 0; i < series.Length; i++)
            {
                goal.Measurements.Add(new GoalMeasurement { MeasuredOn = DaysAgo(baselineDaysAgo - everyDays * (i + 1)), Value = series[i], ByName = by, CreatedAt = Ago(baselineDaysAgo - everyDays * (i + 1)) });
            }
            db.Goals.Add(goal);
            return goal;
        }
        Goal Qualitative(DevelopmentPlatform platform, string title, ObservationMethod method, string? baseline, int daysAgo, string[] observations, string by)
        {
            var goal = new Goal { PlatformId = platform.Id, Title = title, Kind = GoalKind.Qualitative, Horizon = GoalHorizon.LongTerm, Method = method, BaselineDescription = baseline, CreatedAt = Ago(daysAgo), ValueTypes = ValueTypes.CitizenInvolvement };
            for (var i = 0; i < observations.Length; i++)
            {
                goal.Observations.Add(new GoalObservation { ObservedOn = DaysAgo(daysAgo - 60 * (i + 1)), Text = observations[i], ByName = by, CreatedAt = Ago(daysAgo - 60 * (i + 1)) });
            }
            db.Goals.Add(goal);
            return goal;
        }
        Goal Hypothesis(DevelopmentPlatform platform, string title, string baseline, string influence, string argument, string weaknesses, int daysAgo, string? observation, string by)
        {
            var goal = new Goal
            {
                PlatformId = platform.Id,
                Title = title,
                Kind = GoalKind.Hypothesis,
                Horizon = GoalHorizon.LongTerm,
                BaselineDescription = baseline,
                ExpectedInfluence = influence,
                Argument = argument,
                Weaknesses = weaknesses,
                CreatedAt = Ago(daysAgo),
                ValueTypes = ValueTypes.Quality | ValueTypes.PoliticalGoals,
            };
            if (observation is not null)
            {
                goal.Observations.Add(new GoalObservation { ObservedOn = DaysAgo(30), Text = observation, ByName = by, CreatedAt = Ago(30) });
            }
            db.Goals.Add(goal);
            return goal;
        }

        Quantitative(youth, "Flere unge i aktiviteter om aftenen", "unge i klubbens aktiviteter efter kl. 18, gennemsnit pr. aften", "unge", 12, 205, 40, GoalHorizon.ShortTerm,
            [14, 15, 19, 18, 22, 24, 27, 26, 29, 31], 20, "Tobias Tovholder", ValueTypes.CitizenInvolvement);
        Quantitative(youth, "Færre henvendelser om uro om aftenen", "henvendelser til politi og boligselskab om uro efter kl. 20 pr. måned", "henvendelser", 22, 205, 8, GoalHorizon.LongTerm,
            [21, 19, 20, 16, 15, 13, 14, 12, 11], 21, "Mette Lund", ValueTypes.Quality | ValueTypes.PoliticalGoals);
        Qualitative(youth, "De unge oplever multibanen som deres sted", ObservationMethod.Interview, "De unge siger, at multibanen 'ikke er for os' – de ældre drenge bestemmer.", 205,
            ["Fem piger fortæller, at de nu kommer om onsdagen, når der er voksne.", "De unge har selv lavet regler for banen sammen med klubben.", "Ungerådet vil have lys til kl. 22."], "Line Mortensen");
        Hypothesis(youth, "Et ungeråd giver ejerskab og færre konflikter", "Ingen unge har i dag indflydelse på aktiviteterne.",
            "Når de unge selv planlægger, tager de ansvar for stemningen, og konflikter løses mellem dem selv.", "Erfaringer fra klubber i Aarhus og Odense viser færre episoder, når unge har et råd.",
            "Effekten kan ikke skilles fra de andre indsatser, og de mest udsatte unge melder sig sjældent til et råd.", 60, "Ungerådet har holdt tre møder; 9 unge deltager.", "Omar Farah");

        Quantitative(light, "Flere beboere føler sig trygge på stierne", "andel i beboerundersøgelsen, der føler sig trygge på stierne efter mørkets frembrud", "%", 41, 200, 70, GoalHorizon.LongTerm,
            [44, 49, 55], 60, "Henrik Bach", ValueTypes.Quality);
        Quantitative(light, "Færre defekte lamper", "defekte lamper på stierne ved månedens gennemgang", "lamper", 14, 200, 2, GoalHorizon.ShortTerm,
            [11, 9, 9, 6, 5, 4, 3], 25, "Peter Dahl", ValueTypes.Efficiency);
        Qualitative(light, "Ældre bruger stierne om aftenen", ObservationMethod.Observation, "Ved observation en tirsdag aften i marts gik ingen ældre på stien efter kl. 19.", 200,
            ["Fire ældre gik tur i samlet flok kl. 19.30.", "Gåturen er blevet fast – otte deltagere."], "Grethe Jakobsen");

        Quantitative(neighbours, "Flere deltager i fællesspisning", "deltagere i månedens fællesspisning", "deltagere", 0, 190, 40, GoalHorizon.ShortTerm,
            [12, 18, 25, 22, 31, 35], 30, "Lone Sørensen", ValueTypes.CitizenInvolvement);
        Qualitative(neighbours, "Nye beboere føler sig budt velkommen", ObservationMethod.FocusGroup, "Nye beboere siger i fokusgruppen, at ingen har hilst på dem det første år.", 190,
            ["Velkomstkurven er delt ud til 14 nye familier; to er kommet til fællesspisning."], "Yusuf Demir");
        Hypothesis(neighbours, "Gårdfester skaber naborelationer, der forebygger konflikter", "Naboklager handler ofte om folk, der ikke kender hinanden.",
            "Naboer, der kender hinanden, taler sammen før de klager.", "Boligsociale erfaringer peger på, at kendskab mindsker eskalering.",
            "Vi kan kun se klagerne, ikke de konflikter, der aldrig opstår; og de mest konfliktfyldte opgange kommer sjældent til fest.", 150, null, "Lone Sørensen");

        // Erhverv og tryghed: measurements stopped ten weeks ago, and one goal still has no baseline.
        Quantitative(business, "Færre konflikter i butikken", "episoder med unge registreret af personalet pr. måned", "episoder", 9, 130, 3, GoalHorizon.ShortTerm,
            [8, 7], 30, "Thomas Krogh", ValueTypes.Quality);
        Qualitative(business, "Personalet oplever de unge som kunder, ikke som et problem", ObservationMethod.Interview, null, 120, [], "Thomas Krogh");
        Hypothesis(business, "Fritidsjob giver de unge en anden rolle i området", "To unge fra Engen har fritidsjob i området.",
            "Unge med fritidsjob bliver set – og ser sig selv – som en del af området.", "Forskning i fritidsjob viser øget trivsel og mindre kriminalitet.",
            "Det er få unge, og de, der får job, er ofte dem, der i forvejen klarer sig godt.", 120, null, "Jonas Kjær");

        // Two rounds of reality checks, before each joint status meeting; Erhverv og tryghed has only had one.
        void Check(DevelopmentPlatform platform, int daysAgo, string summary, ProposedChange outcome, params (Person Person, string Progress, string Participation, string? Obstacles, ProposedChange Change, bool Sparring)[] answers)
        {
            var check = new RealityCheck
            {
                PlatformId = platform.Id,
                StartedAt = Ago(daysAgo),
                StartedByName = platform.Members.FirstOrDefault(m => m.IsCoordinator)?.Person?.Name ?? "Anne Ankerperson",
                DueBy = DaysAgo(daysAgo - 10),
                ClosedAt = Ago(daysAgo - 12),
                Summary = summary,
                Outcome = outcome,
            };
            foreach (var (person, progress, participation, obstacles, change, sparring) in answers)
            {
                check.Answers.Add(new RealityCheckAnswer { PersonId = person.Id, GoalProgress = progress, Participation = participation, Obstacles = obstacles, ProposedChange = change, NeedsSparring = sparring, AnsweredAt = Ago(daysAgo - 3) });
            }
            db.RealityChecks.Add(check);
        }
        foreach (var daysAgo in new[] { 190, 27 })
        {
            var spring = daysAgo > 100;
            Check(youth, daysAgo, spring ? "Flere unge kommer; pigerne mangler stadig. Vi fortsætter og inviterer pigeklubben." : "Målene går den rigtige vej. Ungerådet skal have mere indflydelse.", ProposedChange.Continue,
                (tobias, spring ? "Fra 12 til 19 unge om aftenen." : "31 unge om aftenen – tæt på målet for foråret.", "Alle er aktive; boldklubben er kommet med.", spring ? "Pigerne kommer ikke." : null, ProposedChange.Continue, false),
                (aisha, spring ? "Det går fremad." : "Beboerne mærker forskel.", "Vi mangler en fra skolen.", "Lys på multibanen.", ProposedChange.ReplaceOrAddActors, !spring),
                (P("Omar Farah"), "De unge er glade.", "Line er her hver gang.", null, ProposedChange.Continue, false));
            Check(light, daysAgo, spring ? "Lamperne bliver skiftet; trafik og stier hænger sammen – vi foreslår at lægge Tryg trafik ind her." : "Flere trygge på stierne. Fortsæt.", spring ? ProposedChange.Merge : ProposedChange.Continue,
                (P("Henrik Bach"), spring ? "11 defekte lamper, ned fra 14." : "3 defekte lamper.", "Alle med.", spring ? "Venter på kommunens budget." : null, spring ? ProposedChange.Merge : ProposedChange.Continue, false),
                (aisha, "Stien ved skolen er bedre.", "Grethe har fået naboer med.", null, ProposedChange.Continue, false));
            Check(neighbours, daysAgo, spring ? "Fællesspisningen er et hit. Fortsæt." : "35 til fællesspisning. Velkomst til nye beboere skal styrkes.", ProposedChange.Continue,
                (P("Lone Sørensen"), "Fællesspisningen vokser.", "Sognet er kommet med.", null, ProposedChange.Continue, false),
                (P("Yusuf Demir"), "Velkomsten halter.", "Vi mangler beboere fra blok 4.", "Sprog.", ProposedChange.ReplaceOrAddActors, true));
        }
        Check(school, 80, "Vi kan ikke komme videre uden budget til lektiecaféen. Vi foreslår standby til budgettet er vedtaget.", ProposedChange.Standby,
            (P("Camilla Friis"), "Lektiecaféen er klar, men mangler lokaler.", "Alle er stadig med.", "Ingen midler før budgettet.", ProposedChange.Standby, true));
        Check(business, 120, "Færre konflikter i butikken. Fortsæt.", ProposedChange.Continue,
            (P("Thomas Krogh"), "Fra 9 til 7 episoder.", "Kasper kommer sjældent.", "Travlt i butikken.", ProposedChange.Continue, false));

        // Ripples in the water, registered along the way.
        (int Days, string What, RippleCategory Category, RippleBeneficiary Beneficiary, DevelopmentPlatform? Platform, string By)[] ripples =
        [
            (215, "Boldklubben og klubben holder nu fælles træning om fredagen.", RippleCategory.NewRelations, RippleBeneficiary.OtherActors, youth, "Tobias Tovholder"),
            (205, "Driftschefen og beboerforeningen mødes nu fast hver måned – det har de aldrig gjort før.", RippleCategory.NewRelations, RippleBeneficiary.Ourselves, light, "Aisha Aktør"),
            (198, "Netto har givet frugt til klubbens aftenåbning.", RippleCategory.NewResources, RippleBeneficiary.OtherActors, business, "Thomas Krogh"),
            (190, "Lokalbetjenten spiser med i klubben om onsdagen; de unge hilser nu på hende i Netto.", RippleCategory.NewRelations, RippleBeneficiary.Ourselves, youth, "Mette Lund"),
            (183, "Skolen bruger platformens metode til sit eget elevråd.", RippleCategory.NewKnowledge, RippleBeneficiary.OutsideContexts, school, "Camilla Friis"),
            (176, "Idé fra statusmødet: en 'tryghedsvandring' med ældre og unge sammen.", RippleCategory.NewIdeas, RippleBeneficiary.OtherActors, null, "Anne Ankerperson"),
            (170, "Kommunen har fundet midler til to nye lamper på stien ved skolen.", RippleCategory.NewResources, RippleBeneficiary.OutsideContexts, light, "Peter Dahl"),
            (160, "Beboere fra to opgange har selv startet en fællesspisning.", RippleCategory.NewRelations, RippleBeneficiary.Ourselves, neighbours, "Lone Sørensen"),
            (152, "Sognet låner sit køkken ud til fællesspisningen.", RippleCategory.NewResources, RippleBeneficiary.OtherActors, neighbours, "Karen Bisgaard"),
            (140, "Midttrafik vil se på belysningen ved stoppestedet efter vores gåtur.", RippleCategory.NewKnowledge, RippleBeneficiary.OutsideContexts, traffic, "Louise Hansen"),
            (131, "To unge fra klubben har fået fritidsjob i Netto.", RippleCategory.NewResources, RippleBeneficiary.Ourselves, business, "Thomas Krogh"),
            (118, "Erhvervsforeningen vil bruge modellen i bymidten.", RippleCategory.NewIdeas, RippleBeneficiary.OutsideContexts, business, "Nina Poulsen"),
            (104, "Psykiatrien kender nu klubbens medarbejdere og ringer, før de kommer.", RippleCategory.NewRelations, RippleBeneficiary.OtherActors, null, "Jesper Møller"),
            (96, "Gymnasiets elever laver en film om Engen til statusmødet.", RippleCategory.NewIdeas, RippleBeneficiary.Ourselves, school, "Ida Kristensen"),
            (88, "Nattevandrerne har lært de unge at kende ved navn.", RippleCategory.NewRelations, RippleBeneficiary.Ourselves, night, "Erik Nygaard"),
            (75, "Boligselskabet har sat penge af til en multibane efter platformens forslag.", RippleCategory.NewResources, RippleBeneficiary.OutsideContexts, youth, "Henrik Bach"),
            (61, "Ældre beboere går nu tur på stien om aftenen i samlet flok.", RippleCategory.NewRelations, RippleBeneficiary.Ourselves, light, "Grethe Jakobsen"),
            (49, "Klubben har fået nøgle til skolens gymnastiksal om fredagen.", RippleCategory.NewResources, RippleBeneficiary.Ourselves, youth, "Omar Farah"),
            (38, "Kommunens trafikfolk har lært af beboernes kort over utrygge steder.", RippleCategory.NewKnowledge, RippleBeneficiary.OutsideContexts, light, "Hanne Vestergaard"),
            (27, "Idé: ungerådet skal have sit eget lille budget.", RippleCategory.NewIdeas, RippleBeneficiary.Ourselves, youth, "Line Mortensen"),
            (16, "Butikken og de unge holdt fælles oprydningsdag.", RippleCategory.Other, RippleBeneficiary.OtherActors, business, "Ahmed Hassan"),
            (8, "Nabokommunen har bedt om at høre om Engen.", RippleCategory.NewKnowledge, RippleBeneficiary.OutsideContexts, null, "Anne Ankerperson"),
        ];
        foreach (var (days, what, category, beneficiary, platform, by) in ripples)
        {
            db.Ripples.Add(new Ripple
            {
                InitiativeId = initiative.Id,
                What = what,
                HappenedOn = DaysAgo(days),
                Category = category,
                Beneficiary = beneficiary,
                ByName = by,
                CreatedAt = Ago(days - 1),
                Platforms = platform is null ? [] : [new RipplePlatform { PlatformId = platform.Id }],
            });
        }

        History(4, youth, TimelineEvents.Event("proposal.made", "proposal.made", youth.Name, PlatformText.Kind(ProposalKind.Focus)), "De unge vil selv bestemme mere; et ungeråd giver dem ejerskab.", "Omar Farah");
        await db.SaveChangesAsync(ct);
    }
}
