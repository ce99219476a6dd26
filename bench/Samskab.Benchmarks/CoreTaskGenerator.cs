using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.CoreTask;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Benchmarks;

/// <summary>
/// A core-task process (issue 15) owned by the anchor account, with the actor account as staff: 40 participants, the
/// profile's material (interviews with why chains, observations, obituaries, photos without files) of which four in
/// five are grouped into the profile's insights, every insight validated by 30 participants, formulations with three
/// versions each, commitments, and a published citizen camp with its idea board.
/// </summary>
public static class CoreTaskGenerator
{
    private static readonly string[] Needs = ["at høre til", "at blive set som et helt menneske", "at have noget at være stolt af", "at kunne selv", "tryghed", "at blive taget alvorligt"];

    public static async Task<List<(string, long)>> FillAsync(AppDbContext db, Profile profile, Random random, DateTimeOffset now, DateOnly today)
    {
        var users = await db.Users.Where(u => u.Email!.EndsWith("@bench.samskab.dk")).ToDictionaryAsync(u => u.Email!, u => (u.Id, u.DisplayName));
        var anchor = users[Generator.Accounts[1].Email];
        var actor = users[Generator.Accounts[3].Email];
        var process = new CoreTaskProcess
        {
            UnitName = "Bench Børnehus",
            Description = "Et kerneopgaveforløb med meget materiale.",
            Phase = CoreTaskPhase.CitizenCamp,
            CreatedAt = now.AddDays(-120),
            CreatedByUserId = anchor.Id,
        };
        process.Participants.Add(new CoreTaskParticipant { UserId = anchor.Id, Name = anchor.DisplayName, Role = CoreTaskRole.Leader, IsOwner = true, AddedAt = now.AddDays(-120) });
        process.Participants.Add(new CoreTaskParticipant { UserId = actor.Id, Name = actor.DisplayName, Role = CoreTaskRole.Staff, AddedAt = now.AddDays(-120) });
        var roles = Enum.GetValues<CoreTaskRole>();
        for (var n = 0; n < 38; n++)
        {
            process.Participants.Add(new CoreTaskParticipant { Name = $"Deltager {n + 1}", Role = roles[n % roles.Length], AddedAt = now.AddDays(-119) });
        }
        db.CoreTaskProcesses.Add(process);
        await db.SaveChangesAsync();
        var people = process.Participants.Select(p => p.Id).ToList();
        db.ChangeTracker.Clear();

        var insights = Enumerable.Range(0, profile.CoreTaskInsights).Select(n => new CoreTaskInsight
        {
            ProcessId = process.Id,
            Title = $"Familierne vil gerne {Needs[n % Needs.Length]} ({n + 1})",
            CreatedById = people[n % people.Count],
            CreatedAt = now.AddDays(-60).AddMinutes(n),
        }).ToList();
        await Insert(db, insights);

        var kinds = Enum.GetValues<MaterialKind>();
        var material = Enumerable.Range(0, profile.CoreTaskMaterial).Select(n =>
        {
            var kind = kinds[n % kinds.Length];
            return new CoreTaskMaterial
            {
                ProcessId = process.Id,
                Kind = kind,
                AuthorId = people[random.Next(people.Count)],
                CreatedAt = now.AddDays(-100).AddMinutes(n * 20),
                Subject = kind == MaterialKind.Observation ? "Garderoben kl. 8" : "mor til en dreng på 4",
                Question = kind == MaterialKind.Interview ? "Hvornår har dit barn haft en god dag?" : null,
                Text = kind switch
                {
                    MaterialKind.Interview => $"Når han kommer hjem og fortæller om noget, han selv har fundet på ({n}).",
                    MaterialKind.Observation => $"Forældrene står i døren og venter på, at nogen ser dem ({n}).",
                    MaterialKind.Obituary => $"Jeg ville savne de andre forældre og pædagogen, der kender mit barn ({n}).",
                    _ => $"Bænken ved sandkassen – her venter vi på hinanden ({n}).",
                },
                WhySteps = kind == MaterialKind.Interview ? ["Fordi han er stolt.", "Fordi nogen har lyttet.", "Fordi han hører til."] : [],
                UnderlyingNeed = kind == MaterialKind.Interview ? Needs[n % Needs.Length] : null,
                InsightId = n % 5 == 4 ? null : insights[random.Next(insights.Count)].Id,
            };
        }).ToList();
        await Insert(db, material);

        var verdicts = Enum.GetValues<InsightVerdict>();
        var validations = insights.SelectMany(i => people.Take(30).Select((p, k) => new InsightValidation
        {
            InsightId = i.Id,
            ParticipantId = p,
            Verdict = verdicts[random.Next(verdicts.Length)],
            Comment = k % 4 == 0 ? "Det genkender jeg, men ikke for alle." : null,
            At = now.AddDays(-40).AddMinutes(k),
        })).ToList();
        await Insert(db, validations);

        var formulations = Enumerable.Range(0, 10).Select(n => new CoreTaskFormulation
        {
            ProcessId = process.Id,
            Perspective = (CoreTaskPerspective)(1 + n % 3),
            CreatedById = people[0],
            CreatedAt = now.AddDays(-30).AddHours(n),
            LatestNumber = 3,
            Versions =
            [
                new FormulationVersion { Number = 1, Text = "Vi tilbyder børnene et trygt og udviklende miljø og sikrer, at de er skoleparate.", Answers = [], AuthorId = people[0], CreatedAt = now.AddDays(-30) },
                new FormulationVersion { Number = 2, Text = "Barnet oplever tryghed, og vi understøtter, at det bliver skoleparat.", Answers = [], AuthorId = people[1], CreatedAt = now.AddDays(-25) },
                new FormulationVersion { Number = 3, Text = "Barnet oplever at høre til i et fællesskab, hvor det bliver set og selv er med til at bestemme – så det får mod på livet.", Answers = [], AuthorId = people[0], CreatedAt = now.AddDays(-20) },
            ],
        }).ToList();
        db.CoreTaskFormulations.AddRange(formulations);
        await db.SaveChangesAsync();

        var commitments = Enumerable.Range(0, 20).Select(n => new CoreTaskCommitment
        {
            ProcessId = process.Id,
            ActorId = people[2 + n],
            CreatedById = people[0],
            Place = "på stuen Mariehønen",
            Idea = $"Forældrene får en fast kaffestund om fredagen ({n + 1}).",
            Deadline = today.AddDays(n * 5 - 40),
            Status = (CommitmentStatus)(1 + n % 4),
            StatusNote = n % 4 == 3 ? "Det kunne ikke lade sig gøre i år." : null,
            CreatedAt = now.AddDays(-50),
            UpdatedAt = now.AddDays(-10),
        }).ToList();
        db.CoreTaskCommitments.AddRange(commitments);
        await db.SaveChangesAsync();

        var camp = new Campaign
        {
            Type = CampaignType.IdeaBoard,
            Theme = "Borgercamp: Bench Børnehus",
            Question = "Hvordan kan vi sammen løse kerneopgaven?",
            Description = formulations[0].Versions[2].Text,
            OrganisationName = "Bench Børnehus",
            OpensOn = today.AddDays(-10),
            ClosesOn = today.AddDays(30),
            CreatedAt = now.AddDays(-10),
        };
        db.Campaigns.Add(camp);
        await db.SaveChangesAsync();
        var citizens = await db.Participants.Where(p => p.Email!.StartsWith("borger")).OrderBy(p => p.Id).Select(p => p.Id).Take(500).ToListAsync();
        var ideas = Enumerable.Range(0, profile.CoreTaskInsights).Select(n => new Idea
        {
            CampaignId = camp.Id,
            ParticipantId = citizens[n % citizens.Count],
            Title = $"Forældrecafé hver fredag ({n + 1})",
            Text = "Forældrene mødes en halv time, når de henter, og pædagogerne er med.",
            CreatedAt = now.AddDays(-9).AddMinutes(n),
        }).ToList();
        await Insert(db, ideas);
        await db.Campaigns.Where(c => c.Id == camp.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, ideas.Count));
        await db.CoreTaskProcesses.Where(p => p.Id == process.Id).ExecuteUpdateAsync(s => s
            .SetProperty(p => p.ChosenFormulationId, formulations[0].Id)
            .SetProperty(p => p.CampCampaignId, camp.Id)
            .SetProperty(p => p.CampPublishedAt, now.AddDays(-10)));
        db.ChangeTracker.Clear();
        return [("core-task material", material.Count), ("insights", insights.Count), ("insight validations", validations.Count),
            ("formulation versions", formulations.Count * 3), ("commitments", commitments.Count), ("citizen-camp ideas", ideas.Count)];
    }

    private static async Task Insert<T>(AppDbContext db, IReadOnlyCollection<T> rows) where T : class
    {
        foreach (var chunk in rows.Chunk(5000))
        {
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}
