using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.Ripples;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Benchmarks;

/// <summary>
/// A large initiative for measurements: 50 platforms, 2,000 actors (half consenting to share contact details), a
/// previous edition 90 days ago, and since then 100 new actors, 150 ripples and 300 platform changes; the edition in
/// progress has every section ready, about 1,200 characters of Markdown each.
/// </summary>
public static class LargeInitiative
{
    public static async Task<int> SeedAsync(AppDbContext db, int platformCount = 50, int actorCount = 2000)
    {
        var now = DateTimeOffset.UtcNow;
        var initiative = new Initiative { Title = "Stort initiativ", SharedChallenge = "Hvordan gør vi byen tryg sammen?", StartDate = DateOnly.FromDateTime(now.AddYears(-1).UtcDateTime), Phase = 6, CreatedAt = now.AddYears(-1) };
        db.Initiatives.Add(initiative);
        var organisations = Enumerable.Range(1, 200).Select(i => new Organisation { Name = $"Organisation {i}", Type = (OrganisationType)(i % 7 + 1), CreatedAt = now.AddYears(-1) }).ToList();
        db.Organisations.AddRange(organisations);
        var people = Enumerable.Range(1, actorCount).Select(i => new Person
        {
            Name = $"Aktør {i:0000} Hansen",
            Title = "Frivillig",
            Organisation = organisations[i % organisations.Count],
            Email = $"aktoer{i}@bench.samskab.dk",
            Phone = $"+45 20 {i:0000} 00",
            CreatedAt = now.AddYears(-1),
        }).ToList();
        db.People.AddRange(people);
        for (var i = 0; i < people.Count; i++)
        {
            initiative.Members.Add(new InitiativeMember
            {
                Person = people[i],
                Role = i == 0 ? InitiativeRole.AnchorPerson : InitiativeRole.Actor,
                SharesContactDetails = i % 2 == 0,
                AddedAt = i < actorCount - 100 ? now.AddYears(-1) : now.AddDays(-i % 80 - 1),
            });
        }
        var platforms = new List<DevelopmentPlatform>();
        var perPlatform = actorCount / platformCount;
        for (var p = 0; p < platformCount; p++)
        {
            var platform = new DevelopmentPlatform { Initiative = initiative, Name = $"Platform {p + 1:00}", FocusArea = $"Fokus for platform {p + 1}: unge, lys og naboskab.", CreatedAt = now.AddYears(-1) };
            for (var m = 0; m < perPlatform; m++)
            {
                platform.Members.Add(new PlatformMember { Person = people[p * perPlatform + m], IsCoordinator = m < 2, JoinedOn = DateOnly.FromDateTime(now.AddYears(-1).UtcDateTime) });
            }
            platforms.Add(platform);
        }
        db.Platforms.AddRange(platforms);
        await db.SaveChangesAsync();

        for (var i = 0; i < 300; i++)
        {
            db.Timeline.Add(new TimelineEntry { InitiativeId = initiative.Id, PlatformId = platforms[i % platformCount].Id, At = now.AddDays(-(i % 85) - 1), ByName = "Ankerperson", Kind = NewsletterCompiler.ChangeKinds[i % NewsletterCompiler.ChangeKinds.Length], What = $"Ændring {i} på {platforms[i % platformCount].Name}.", Why = "Besluttet på platformen." });
        }
        for (var i = 0; i < 150; i++)
        {
            db.Ripples.Add(new Ripple
            {
                InitiativeId = initiative.Id,
                What = $"Ring i vandet nummer {i}: nye relationer mellem klubben og butikkerne.",
                HappenedOn = DateOnly.FromDateTime(now.AddDays(-(i % 85) - 1).UtcDateTime),
                Category = RippleCategory.NewRelations,
                Beneficiary = RippleBeneficiary.Ourselves,
                ByName = "Aktør",
                CreatedAt = now,
                Platforms = [new RipplePlatform { PlatformId = platforms[i % platformCount].Id }],
            });
        }
        db.Newsletters.Add(new Newsletter { InitiativeId = initiative.Id, Number = 1, Title = "Forrige", CreatedAt = now.AddDays(-95), CreatedByName = "Ankerperson", Status = EditionStatus.Sent, SendStartedAt = now.AddDays(-90) });
        var edition = new Newsletter
        {
            InitiativeId = initiative.Id,
            Number = 2,
            Title = "Nyhedsbrev nr. 2",
            CreatedAt = now.AddDays(-5),
            CreatedByName = "Ankerperson",
            CoversFrom = now.AddDays(-90),
            Introduction = "Tak for et godt statusmøde. **Her er status** fra alle platforme.",
            MinutesSummary = string.Join('\n', Enumerable.Range(1, 10).Select(i => $"- Punkt {i}: vi drøftede fremdriften og besluttede næste skridt.")),
        };
        for (var p = 0; p < platformCount; p++)
        {
            edition.Sections.Add(new NewsletterSection
            {
                PlatformId = platforms[p].Id,
                Position = p + 1,
                Status = SectionStatus.Ready,
                Focus = "Aktiviteter for unge om aftenen i og omkring klubben og på multibanen.",
                Progress = string.Join('\n', Enumerable.Range(1, 6).Select(i => $"- **Mål {i}**: {20 + i} unge om fredagen (baseline 18, mål 30).")),
                Challenges = "Det er svært at få pigerne med efter kl. 19. Vi har spurgt dem selv, hvad der skal til, og prøver en pigeaften om onsdagen.",
                NextSteps = "Pigeaften om onsdagen, [referat](https://eksempel.dk/referat) fra mødet og en fælles oprydningsdag med butikkerne.",
            });
        }
        db.Newsletters.Add(edition);
        await db.SaveChangesAsync();
        return edition.Id;
    }
}
