using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.Ripples;
using Samskab.Web.Infrastructure;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Benchmarks;

/// <summary>How much data a profile holds. The large one is a big municipality with a police district (issue 12).</summary>
public sealed record Profile(string Name, int Initiatives, int Platforms, int Actors, int Organisations, int Meetings, int Goals,
    int Measurements, int Ripples, int Newsletters, int Campaigns, int Participants, int Ideas, int Likes, int Areas, int Requests,
    int CoreTaskMaterial, int CoreTaskInsights)
{
    public static readonly Profile Large = new("large", 20, 300, 5000, 1500, 3000, 1500, 30000, 20000, 200, 50, 30000, 100_000, 1_000_000, 30, 20_000, 2_000, 200);
    public static readonly Profile Small = new("small", 2, 30, 500, 150, 300, 150, 3000, 2000, 20, 5, 3000, 10_000, 100_000, 10, 2_000, 200, 20);

    public static Profile Named(string name) => name switch
    {
        "large" => Large,
        "small" => Small,
        _ => throw new ArgumentException($"Unknown profile '{name}' (small or large)."),
    };
}

/// <summary>
/// Fills an empty database with a profile's data through the app's own model and services (migrations, Identity),
/// deterministic from a seed: the same seed and day give the same data. The first initiative is the largest (a fifth
/// of the platforms and people); four accounts (password <see cref="Password"/>) take part in it as administrator,
/// anchor person, coordinator and actor. Bulk inserts: change tracking off, a few thousand rows per save.
/// </summary>
public static class Generator
{
    public const string Password = "Lygtepael-Kaffe-Raev7";

    public static readonly (string Email, string Name)[] Accounts =
    [
        ("admin@bench.samskab.dk", "Ada Administrator"),
        ("anker@bench.samskab.dk", "Anne Ankerperson"),
        ("tovholder@bench.samskab.dk", "Tobias Tovholder"),
        ("aktoer@bench.samskab.dk", "Aisha Aktør"),
        ("brobygger@bench.samskab.dk", "Bo Brobygger"),
    ];

    private static readonly string[] FirstNames = ["Anna", "Bo", "Camilla", "Dorthe", "Emil", "Frederik", "Gitte", "Hassan", "Ida", "Jonas", "Karin", "Lars", "Mette", "Nikolaj", "Omar", "Pia", "Rasmus", "Sofie", "Thomas", "Ulla", "Yusuf", "Zainab", "Søren", "Åse"];
    private static readonly string[] LastNames = ["Hansen", "Jensen", "Nielsen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Demir", "Ali", "Friis", "Bæk", "Holm"];
    private static readonly string[] Themes = ["tryghed", "unge", "lys og stier", "naboskab", "fællesarealer", "nattelivet", "skolevejen", "foreningsliv", "ældre", "trafik"];
    private static readonly string[] Places = ["Engen", "Nordbyen", "Stationsbyen", "Havnen", "Vestparken", "Skovbakken", "Midtbyen", "Søndermarken"];

    public static async Task RunAsync(string[] args)
    {
        var options = Options.Parse(args);
        var profile = Profile.Named(options.Get("profile", "small"));
        var seed = int.Parse(options.Get("seed", "1"), CultureInfo.InvariantCulture);
        var today = DateOnly.ParseExact(options.Get("today", DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["Database:Provider"] = options.Get("provider", "Sqlite");
        builder.Configuration["Database:ConnectionString"] = options.Get("connection", "Data Source=bench-" + profile.Name + ".db");
        builder.Configuration["Samskab:BaseUrl"] = "http://127.0.0.1:5080";
        builder.Configuration["AllowedHosts"] = "127.0.0.1;localhost";
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Error";
        builder.Configuration["Logging:Format"] = "simple";
        builder.AddSamskab();
        await using var app = builder.Build();
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseSetup.MigrateAsync(db);
        if (await db.Initiatives.AnyAsync())
        {
            throw new InvalidOperationException("The database is not empty; the generator fills only an empty one.");
        }
        var watch = Stopwatch.StartNew();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(RoleNames.Administrator))
        {
            await roles.CreateAsync(new IdentityRole(RoleNames.Administrator));
        }
        var counts = await FillAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), profile, seed, today);
        Console.WriteLine($"Generated the {profile.Name} profile (seed {seed}) in {watch.Elapsed.TotalSeconds:0.0} s:");
        foreach (var (what, n) in counts)
        {
            Console.WriteLine($"  {what,-24} {n,10:N0}");
        }
    }

    public static async Task<List<(string, long)>> FillAsync(AppDbContext db, UserManager<AppUser> users, Profile profile, int seed, DateOnly today)
    {
        var random = new Random(seed);
        var now = new DateTimeOffset(today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        DateOnly Day(DateTimeOffset t) => DateOnly.FromDateTime(t.UtcDateTime);
        db.ChangeTracker.AutoDetectChangesEnabled = false;

        // Accounts first, through Identity, so that they can sign in.
        var accountUsers = new List<AppUser>();
        foreach (var (email, name) in Accounts)
        {
            var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, CreatedAt = now.AddYears(-2) };
            var result = await users.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
            }
            accountUsers.Add(user);
        }
        await users.AddToRoleAsync(accountUsers[0], RoleNames.Administrator);
        db.ChangeTracker.Clear();

        // Organisations and people.
        var organisations = Enumerable.Range(1, profile.Organisations).Select(i => new Organisation
        {
            Name = $"{Places[i % Places.Length]} {((OrganisationType)(i % 7 + 1)).ToString()} {i:0000}",
            Type = (OrganisationType)(i % 7 + 1),
            Email = $"kontakt{i}@org.bench.samskab.dk",
            CreatedAt = now.AddYears(-2),
        }).ToList();
        await InsertAsync(db, organisations);
        var people = new List<Person>(profile.Actors);
        for (var i = 0; i < profile.Actors; i++)
        {
            var name = i < Accounts.Length ? Accounts[i].Name : $"{FirstNames[random.Next(FirstNames.Length)]} {LastNames[random.Next(LastNames.Length)]} {i:00000}";
            people.Add(new Person
            {
                Name = name,
                Title = i % 3 == 0 ? "Frivillig" : i % 3 == 1 ? "Medarbejder" : null,
                OrganisationId = i % 10 == 9 ? null : organisations[random.Next(organisations.Count)].Id,
                Email = i < Accounts.Length ? Accounts[i].Email : $"person{i}@bench.samskab.dk",
                Phone = $"+45 {20000000 + i}",
                UserId = i < Accounts.Length ? accountUsers[i].Id : null,
                CreatedAt = now.AddYears(-2),
            });
        }
        await InsertAsync(db, people);

        // Initiatives: the first holds a fifth of the platforms and people, the others share the rest.
        var initiatives = Enumerable.Range(0, profile.Initiatives).Select(i => new Initiative
        {
            Title = i == 0 ? "Tryghed i hele kommunen" : $"Samskabelse om {Themes[i % Themes.Length]} i {Places[i % Places.Length]} {i + 1}",
            SharedChallenge = $"Hvordan skaber vi sammen {Themes[i % Themes.Length]} i {Places[i % Places.Length]}?",
            StartDate = Day(now.AddYears(-2).AddDays(i * 7)),
            Phase = 6,
            CreatedAt = now.AddYears(-2).AddDays(i * 7),
        }).ToList();
        await InsertAsync(db, initiatives);
        int Share(int total, int index) => profile.Initiatives == 1 ? total
            : index == 0 ? total / 5 : (total - total / 5) / (profile.Initiatives - 1) + (index <= (total - total / 5) % (profile.Initiatives - 1) ? 1 : 0);

        var members = new List<InitiativeMember>();
        var peopleOf = new List<List<Person>>();
        var next = 0;
        for (var i = 0; i < initiatives.Count; i++)
        {
            var mine = people.Skip(next).Take(Share(profile.Actors, i)).ToList();
            next += mine.Count;
            peopleOf.Add(mine);
            for (var p = 0; p < mine.Count; p++)
            {
                var person = mine[p];
                var role = p == 1 && i == 0 ? InitiativeRole.AnchorPerson : p == 0 && i == 0 ? InitiativeRole.Actor : p == 0 ? InitiativeRole.AnchorPerson : p % 50 == 7 ? InitiativeRole.Observer : InitiativeRole.Actor;
                members.Add(new InitiativeMember
                {
                    InitiativeId = initiatives[i].Id,
                    PersonId = person.Id,
                    Role = role,
                    InWorkingGroup = p < 6,
                    AddedAt = now.AddDays(-random.Next(1, 700)),
                    SharesContactDetails = random.Next(3) > 0,
                    Interest = p % 4 == 0 ? "Vil gerne bidrage med lokale erfaringer." : null,
                    Influence = (Influence)(p % 3 + 1),
                    Stance = (Stance)(p % 3 + 1),
                    PreMeetingOn = p % 5 == 0 ? null : Day(now.AddDays(-random.Next(30, 600))),
                    MethodIntroducedOn = p % 6 == 0 ? null : Day(now.AddDays(-random.Next(30, 600))),
                });
            }
        }
        await InsertAsync(db, members);

        // Platforms with their members (each person on one or two platforms of their initiative), two coordinators each.
        var platforms = new List<DevelopmentPlatform>();
        var platformsOf = new List<List<DevelopmentPlatform>>();
        for (var i = 0; i < initiatives.Count; i++)
        {
            var mine = Enumerable.Range(0, Share(profile.Platforms, i)).Select(p => new DevelopmentPlatform
            {
                InitiativeId = initiatives[i].Id,
                Name = $"{char.ToUpper(Themes[(p + i) % Themes.Length][0], CultureInfo.InvariantCulture)}{Themes[(p + i) % Themes.Length][1..]} {p + 1:000}",
                FocusArea = $"Fokus: {Themes[(p + i) % Themes.Length]} for børn, unge og voksne i {Places[p % Places.Length]}.",
                Status = p % 23 == 5 ? PlatformStatus.Standby : p % 31 == 9 ? PlatformStatus.Closed : PlatformStatus.Active,
                CreatedAt = now.AddDays(-600 + p),
            }).ToList();
            platformsOf.Add(mine);
            platforms.AddRange(mine);
        }
        await InsertAsync(db, platforms);
        var platformMembers = new List<PlatformMember>();
        var membersOf = new Dictionary<int, List<int>>();
        for (var i = 0; i < initiatives.Count; i++)
        {
            var mine = platformsOf[i];
            if (mine.Count == 0)
            {
                continue;
            }
            for (var p = 0; p < peopleOf[i].Count; p++)
            {
                var person = peopleOf[i][p];
                var first = mine[p % mine.Count];
                var onPlatforms = (i == 0 && p < 4) ? new[] { mine[0] } : p % 2 == 0 ? new[] { first } : new[] { first, mine[(p * 7 + 3) % mine.Count] }.Distinct().ToArray();
                foreach (var platform in onPlatforms)
                {
                    var list = membersOf.TryGetValue(platform.Id, out var l) ? l : membersOf[platform.Id] = [];
                    // Tobias coordinates the first platform of the largest initiative; otherwise the first two who join do.
                    var coordinator = i == 0 && platform == mine[0] ? person.Email == Accounts[2].Email : list.Count < 2 && !(i == 0 && platform == mine[0]);
                    platformMembers.Add(new PlatformMember { PlatformId = platform.Id, PersonId = person.Id, IsCoordinator = coordinator, JoinedOn = Day(now.AddDays(-random.Next(30, 600))) });
                    list.Add(person.Id);
                }
            }
        }
        await InsertAsync(db, platformMembers);

        // Change proposals waiting for consent: on every third active platform and on the first platform of the
        // largest initiative (where the benchmark's actor answers), with half of the members' agreement in.
        var proposals = new List<ChangeProposal>();
        foreach (var (platform, index) in platforms.Select((p, n) => (p, n)))
        {
            var isBenchPlatform = platformsOf[0].Count > 0 && platform == platformsOf[0][0];
            if (platform.Status != PlatformStatus.Active || !membersOf.TryGetValue(platform.Id, out var who) || who.Count < 2 || (index % 3 != 0 && !isBenchPlatform))
            {
                continue;
            }
            var proposal = new ChangeProposal
            {
                PlatformId = platform.Id,
                Kind = ProposalKind.Focus,
                NewFocus = $"{platform.FocusArea} – med de unge som medskabere",
                Reason = "Vi har lært, at de unge selv vil være med til at planlægge.",
                ProposedById = who[^1],
                ProposedAt = now.AddDays(-6),
            };
            foreach (var person in who.Skip(isBenchPlatform ? 4 : 0).Take(who.Count / 2))
            {
                proposal.Responses.Add(new ProposalResponse { PersonId = person, Agrees = true, At = now.AddDays(-5) });
            }
            proposals.Add(proposal);
        }
        await InsertAsync(db, proposals, childrenToo: true);

        // History: each platform's creation and a few changes, as the app writes them.
        var timeline = new List<TimelineEntry>();
        foreach (var (platform, index) in platforms.Select((p, n) => (p, n)))
        {
            var memberCount = membersOf.TryGetValue(platform.Id, out var l) ? l.Count : 0;
            var created = TimelineEvents.PlatformCreated(platform.Name, memberCount, []);
            timeline.Add(Entry(platform.InitiativeId, platform.Id, platform.CreatedAt, created));
            for (var k = 0; k < 12; k++)
            {
                var e = (k % 3) switch
                {
                    0 => TimelineEvents.Event("platform.focus", "platform.focus.short", platform.Name, $"Nyt fokus nummer {k} for {platform.Name}."),
                    1 => TimelineEvents.Event("platform.member-joined", "platform.member-joined", people[(index * 13 + k) % people.Count].Name, platform.Name),
                    _ => TimelineEvents.Event("proposal.made", "proposal.made", platform.Name, PlatformText.Kind(ProposalKind.Focus)),
                };
                timeline.Add(Entry(platform.InitiativeId, platform.Id, platform.CreatedAt.AddDays(10 + k * 40), e));
            }
        }
        await InsertAsync(db, timeline);

        // Meetings: platform meetings (most in the past, with agenda, minutes and attendance) and status meetings.
        var meetings = new List<Meeting>();
        var statusMeetings = profile.Meetings / 25;
        for (var m = 0; m < profile.Meetings; m++)
        {
            // One in 25 is a status meeting of an initiative; the rest are platform meetings, spread over every platform.
            var status = m < statusMeetings;
            var platform = status ? platformsOf[m % initiatives.Count].FirstOrDefault() ?? platforms[0] : platforms[(m - statusMeetings) % platforms.Count];
            var startsAt = new DateTimeOffset(Day(now.AddDays(-random.Next(-60, 700))).ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
            var meeting = new Meeting
            {
                InitiativeId = status ? initiatives[m % initiatives.Count].Id : platform.InitiativeId,
                PlatformId = status ? null : platform.Id,
                Type = status ? MeetingType.StatusMeeting : MeetingType.PlatformMeeting,
                Title = status ? "Fælles statusmøde" : $"Platformsmøde på {platform.Name}",
                StartsAt = startsAt,
                EndsAt = startsAt.AddHours(2),
                Location = $"Medborgerhuset i {Places[m % Places.Length]}",
                CalendarUid = $"bench-{seed}-{m}@samskab",
                CreatedAt = startsAt.AddDays(-30),
            };
            var held = startsAt < now;
            for (var a = 1; a <= 3; a++)
            {
                meeting.Agenda.Add(new AgendaItem { Order = a, Title = a switch { 1 => "Velkomst og siden sidst", 2 => "Status på målene", _ => "Næste skridt" }, Minutes = held ? $"Referat af punkt {a}: vi aftalte at fortsætte arbejdet." : null });
            }
            meetings.Add(meeting);
        }
        await InsertAsync(db, meetings, childrenToo: true);
        var invitations = new List<Invitation>();
        var agreements = new List<Agreement>();
        foreach (var meeting in meetings)
        {
            var invited = meeting.PlatformId is int pid && membersOf.TryGetValue(pid, out var l) ? l
                : peopleOf[initiatives.FindIndex(i => i.Id == meeting.InitiativeId)].Take(40).Select(p => p.Id).ToList();
            var held = meeting.StartsAt < now;
            foreach (var personId in invited)
            {
                var reply = (Reply)random.Next(0, 4);
                invitations.Add(new Invitation { MeetingId = meeting.Id, PersonId = personId, Reply = reply, RepliedAt = reply == Reply.None ? null : meeting.CreatedAt.AddDays(3), SentSequence = 0, Attended = held ? reply == Reply.Yes : null });
            }
            if (held && invited.Count > 0)
            {
                agreements.Add(new Agreement { InitiativeId = meeting.InitiativeId, PlatformId = meeting.PlatformId, MeetingId = meeting.Id, Text = "Følge op med foreningerne inden næste møde", OwnerPersonId = invited[random.Next(invited.Count)], Deadline = Day(meeting.StartsAt.AddDays(30)), CreatedAt = meeting.StartsAt, DoneAt = meeting.StartsAt.AddDays(30) < now && random.Next(3) > 0 ? meeting.StartsAt.AddDays(20) : null });
            }
        }
        await InsertAsync(db, invitations);
        await InsertAsync(db, agreements);

        // Goals with measurements.
        var goals = new List<Goal>();
        for (var g = 0; g < profile.Goals; g++)
        {
            var platform = platforms[g % platforms.Count];
            var quantitative = g % 3 != 2;
            goals.Add(new Goal
            {
                PlatformId = platform.Id,
                Title = quantitative ? $"Flere unge i klubben ({g})" : $"Bedre dialog med beboerne ({g})",
                Horizon = g % 2 == 0 ? GoalHorizon.ShortTerm : GoalHorizon.LongTerm,
                Kind = quantitative ? GoalKind.Quantitative : GoalKind.Qualitative,
                ValueTypes = ValueTypes.Quality | ValueTypes.CitizenInvolvement,
                Indicator = quantitative ? "Antal unge pr. aften" : null,
                Unit = quantitative ? "unge" : null,
                BaselineValue = quantitative ? 20 : null,
                BaselineDate = quantitative ? Day(now.AddDays(-500)) : null,
                TargetValue = quantitative ? 60 : null,
                TargetDate = quantitative ? Day(now.AddDays(200)) : null,
                Method = quantitative ? null : ObservationMethod.Interview,
                BaselineDescription = quantitative ? null : "Beboerne oplever, at ingen lytter.",
                Status = (GoalStatus)(g % 4 + 1),
                StatusReason = g % 4 is 1 or 3 ? "Det tager længere tid end ventet." : null,
                CreatedAt = now.AddDays(-520),
            });
        }
        await InsertAsync(db, goals);
        var quantitativeGoals = goals.Where(g => g.Kind == GoalKind.Quantitative).ToList();
        var measurements = new List<GoalMeasurement>(profile.Measurements);
        for (var n = 0; n < profile.Measurements; n++)
        {
            var goal = quantitativeGoals[n % quantitativeGoals.Count];
            var step = n / quantitativeGoals.Count;
            measurements.Add(new GoalMeasurement { GoalId = goal.Id, MeasuredOn = Day(now.AddDays(-480 + step * 15)), Value = 20 + step * 1.5m + random.Next(0, 5), ByName = "Tobias Tovholder", CreatedAt = now.AddDays(-480 + step * 15) });
        }
        await InsertAsync(db, measurements);

        // Ripples in the water, each on a platform and sometimes naming actors.
        var ripples = new List<Ripple>(profile.Ripples);
        for (var r = 0; r < profile.Ripples; r++)
        {
            var platform = platforms[random.Next(platforms.Count)];
            var ripple = new Ripple
            {
                InitiativeId = platform.InitiativeId,
                What = $"Ring i vandet {r}: klubben og {Places[r % Places.Length]}s butikker holder nu fælles arrangement.",
                HappenedOn = Day(now.AddDays(-random.Next(0, 650))),
                Category = (RippleCategory)(r % 5 + 1),
                Beneficiary = (RippleBeneficiary)(r % 3 + 1),
                ByName = "Aisha Aktør",
                CreatedAt = now.AddDays(-random.Next(0, 650)),
            };
            ripple.Platforms.Add(new RipplePlatform { PlatformId = platform.Id });
            if (membersOf.TryGetValue(platform.Id, out var l) && l.Count > 0 && r % 2 == 0)
            {
                ripple.Actors.Add(new RippleActor { PersonId = l[r % l.Count] });
            }
            ripples.Add(ripple);
        }
        await InsertAsync(db, ripples, childrenToo: true);

        // Newsletter editions: sent ones with every section written, and one in progress per initiative.
        var editions = new List<Newsletter>();
        for (var e = 0; e < profile.Newsletters; e++)
        {
            var i = e % initiatives.Count;
            var number = e / initiatives.Count + 1;
            var last = number == (profile.Newsletters - 1 - i) / initiatives.Count + 1;
            var created = now.AddDays(-700 + number * 60);
            var edition = new Newsletter
            {
                InitiativeId = initiatives[i].Id,
                Number = number,
                Title = $"Nyhedsbrev {number} – {Themes[number % Themes.Length]}",
                Introduction = "Her er nyt fra platformene siden sidst.",
                CreatedAt = created,
                CreatedByName = "Anne Ankerperson",
                Status = last ? EditionStatus.Draft : EditionStatus.Sent,
                SendStartedAt = last ? null : created.AddDays(14),
                SendStartedByName = last ? null : "Anne Ankerperson",
                QueuedAt = last ? null : created.AddDays(14),
            };
            foreach (var (platform, position) in platformsOf[i].Where(p => p.Status == PlatformStatus.Active).Select((p, n) => (p, n)))
            {
                var written = !last || position % 2 == 0;
                edition.Sections.Add(new NewsletterSection
                {
                    PlatformId = platform.Id,
                    Position = position,
                    Status = written ? SectionStatus.Ready : SectionStatus.NotStarted,
                    Focus = written ? platform.FocusArea : null,
                    Progress = written ? "Vi har holdt to møder og fået **tre nye frivillige**." : null,
                    Challenges = written ? "Det er svært at nå de ældste." : null,
                    NextSteps = written ? "- Fælles arrangement i foråret\n- Ny aftale med skolen" : null,
                    UpdatedAt = written ? created.AddDays(7) : null,
                    UpdatedByName = written ? "Tobias Tovholder" : null,
                });
            }
            editions.Add(edition);
        }
        await InsertAsync(db, editions, childrenToo: true);

        return
        [
            ("accounts", Accounts.Length), ("organisations", organisations.Count), ("people", people.Count), ("initiatives", initiatives.Count),
            ("initiative members", members.Count), ("platforms", platforms.Count), ("platform members", platformMembers.Count),
            ("open change proposals", proposals.Count), ("answers to them", proposals.Sum(p => p.Responses.Count)),
            ("timeline entries", timeline.Count), ("meetings", meetings.Count), ("invitations", invitations.Count), ("agreements", agreements.Count),
            ("goals", goals.Count), ("measurements", measurements.Count), ("ripples", ripples.Count), ("newsletter editions", editions.Count),
            ("newsletter sections", editions.Sum(e => e.Sections.Count)),
            .. await CampaignGenerator.FillAsync(db, profile, random, now, today),
            .. await AreaGenerator.FillAsync(db, profile, random, now, today),
            .. await CoreTaskGenerator.FillAsync(db, profile, random, now, today),
        ];

        static TimelineEntry Entry(int initiativeId, int? platformId, DateTimeOffset at, TimelineEvent e) => new()
        {
            InitiativeId = initiativeId,
            PlatformId = platformId,
            At = at,
            ByName = "Anne Ankerperson",
            Kind = e.Kind,
            What = TimelineEvents.Danish(e.Parts),
            Data = TimelineEvents.Serialize(e.Parts),
        };
    }

    /// <summary>Inserts in chunks with change detection off, then forgets the rows, so memory and time stay flat.</summary>
    private static async Task InsertAsync<T>(AppDbContext db, IReadOnlyList<T> rows, bool childrenToo = false) where T : class
    {
        const int chunk = 2000;
        for (var start = 0; start < rows.Count; start += chunk)
        {
            var part = rows.Skip(start).Take(chunk).ToList();
            db.Set<T>().AddRange(part);
            if (childrenToo)
            {
                db.ChangeTracker.DetectChanges();
            }
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}

/// <summary>"--name value" pairs.</summary>
public sealed class Options(Dictionary<string, string> values)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                values[args[i][2..]] = args[i + 1];
                i++;
            }
        }
        return new Options(values);
    }

    public string Get(string name, string fallback) => values.TryGetValue(name, out var v) ? v : fallback;
}
