using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Benchmarks;

/// <summary>
/// The citizens' side of a profile (issue 13): campaigns, participants, ideas with build-on families, answers, and
/// likes skewed like real ones (a few ideas loved, most with a handful). The first campaign holds half of the ideas, so
/// the board's first page is measured with the most data. Bench participants (their device tokens known:
/// <see cref="BenchToken"/>) have no likes of their own, so the like benchmark can add and remove its own exactly.
/// </summary>
public static class CampaignGenerator
{
    public const int BenchParticipants = 2000;

    /// <summary>The device cookie of bench participant n.</summary>
    public static string BenchToken(int n) => $"benchdeltager{n:D6}xxxxxxxxxxxxxxxx";

    private static readonly string[] Things = ["bænke", "lys", "træer", "cykelstier", "legepladser", "toiletter", "vandposter", "scener", "grill", "fitness", "skraldespande", "shelters"];
    private static readonly string[] Criteria = ["Idé", "Fortælling", "Håndværk"];
    private static readonly string[] Places = ["torvet", "parken", "havnen", "stationen", "skolen", "åen", "skoven", "biblioteket", "multibanen", "kirkepladsen"];

    public static async Task<List<(string, long)>> FillAsync(AppDbContext db, Profile profile, Random random, DateTimeOffset now, DateOnly today)
    {
        // The second campaign is a wish list grouped into themes, the third a competition with a jury and a public vote.
        var campaigns = Enumerable.Range(0, profile.Campaigns).Select(c => new Campaign
        {
            Type = c switch { 1 => CampaignType.WishList, 2 => CampaignType.Competition, _ => CampaignType.IdeaBoard },
            VoteOpensOn = c == 2 ? today.AddDays(-10) : null,
            VoteClosesOn = c == 2 ? today.AddDays(20) : null,
            Theme = $"{char.ToUpperInvariant(Things[c % Things.Length][0])}{Things[c % Things.Length][1..]} ved {Places[c % Places.Length]} {c + 1}",
            Question = "Hvad skal der til?",
            OrganisationName = "Bench Kommune",
            OpensOn = today.AddDays(-60),
            ClosesOn = today.AddDays(c % 5 == 4 ? -1 : 60),
            CreatedAt = now.AddDays(-61),
        }).ToList();
        db.Campaigns.AddRange(campaigns);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var wishList = campaigns[Math.Min(1, campaigns.Count - 1)];
        var competition = campaigns[Math.Min(2, campaigns.Count - 1)];
        var themes = Things.Select(t => new CampaignTheme { CampaignId = wishList.Id, Name = $"{char.ToUpperInvariant(t[0])}{t[1..]}", CreatedAt = now.AddDays(-30) }).ToList();
        await Insert(db, themes);
        var criteria = Criteria.Select((name, n) => new JuryCriterion { CampaignId = competition.Id, Name = name, Position = n }).ToList();
        await Insert(db, criteria);
        // The anchor person manages (and judges) the wish list and the competition.
        var anchor = await db.Users.Where(u => u.Email == Generator.Accounts[1].Email).Select(u => u.Id).SingleAsync();
        await Insert(db, new[] { wishList, competition }.Distinct().Select(c => new CampaignManager { CampaignId = c.Id, UserId = anchor, AddedAt = now.AddDays(-61) }).ToList());

        var participants = Enumerable.Range(0, profile.Participants + BenchParticipants).Select(p => new Participant
        {
            Email = p < BenchParticipants ? $"bench{p}@deltager.bench.samskab.dk" : $"borger{p}@deltager.bench.samskab.dk",
            DisplayName = p % 9 == 0 ? "" : $"Borger {p}",
            Anonymous = p % 9 == 0,
            CreatedAt = now.AddDays(-50),
            ConfirmedAt = now.AddDays(-50),
        }).ToList();
        await Insert(db, participants);
        var firstCitizen = participants[BenchParticipants].Id;
        var devices = Enumerable.Range(0, BenchParticipants).Select(n => new ParticipantDevice
        {
            ParticipantId = participants[n].Id,
            TokenHash = OneTimeToken.Hash(BenchToken(n)),
            CreatedAt = now.AddDays(-50),
        }).ToList();
        await Insert(db, devices);

        // Half the ideas in the first campaign, the rest spread over the others.
        var ideas = new List<Idea>(profile.Ideas);
        var perOther = (profile.Ideas - profile.Ideas / 2) / Math.Max(1, profile.Campaigns - 1);
        var statuses = Enum.GetValues<IdeaStatus>();
        for (var n = 0; n < profile.Ideas; n++)
        {
            var campaign = n < profile.Ideas / 2 ? campaigns[0] : campaigns[Math.Min(campaigns.Count - 1, 1 + (n - profile.Ideas / 2) / Math.Max(1, perOther))];
            var thing = Things[random.Next(Things.Length)];
            var place = Places[random.Next(Places.Length)];
            var answered = n % 4 == 0;
            var status = answered ? statuses[1 + n / 4 % (statuses.Length - 1)] : IdeaStatus.New;
            ideas.Add(new Idea
            {
                CampaignId = campaign.Id,
                ParticipantId = firstCitizen + random.Next(profile.Participants),
                Title = $"Flere {thing} ved {place} ({n})",
                Text = $"Der mangler {thing} ved {place}. Det ville gøre stedet rart for både børn, unge og ældre, og flere ville komme der om aftenen.",
                PlaceName = place,
                // Two wishes in three are grouped; every twentieth competition entry is a film.
                ThemeId = campaign.Id == wishList.Id && n % 3 != 0 ? themes[random.Next(themes.Count)].Id : null,
                FilmUrl = campaign.Id == competition.Id && n % 20 == 0 ? $"https://video.example.dk/film/{n}" : null,
                Status = status,
                AnsweredAt = answered ? now.AddHours(-n % 1000) : null,
                CreatedAt = now.AddDays(-60).AddMinutes(n),
            });
        }
        await Insert(db, ideas);
        // Every tenth idea builds on an earlier one of its campaign.
        var byCampaign = ideas.GroupBy(i => i.CampaignId).ToDictionary(g => g.Key, g => g.ToList());
        var buildOns = new Dictionary<int, int>();
        foreach (var list in byCampaign.Values)
        {
            for (var k = 10; k < list.Count; k += 10)
            {
                var parent = list[random.Next(k)];
                list[k].BuildsOnId = parent.Id;
                list[k].FamilyRootId = parent.FamilyRootId ?? parent.Id;
                buildOns[parent.Id] = buildOns.GetValueOrDefault(parent.Id) + 1;
            }
        }

        // Likes: one idea in a hundred is loved (200–500), the others get up to 16; consecutive citizens, so one each.
        var likes = new List<IdeaLike>(capacity: 1_100_000);
        long likeCount = 0;
        foreach (var idea in ideas)
        {
            var count = idea.Id % 100 == 7 ? 200 + random.Next(300) : random.Next(17);
            count = (int)Math.Min(count, Math.Max(0, profile.Likes - likeCount));
            var start = random.Next(profile.Participants);
            for (var k = 0; k < count; k++)
            {
                likes.Add(new IdeaLike { IdeaId = idea.Id, ParticipantId = firstCitizen + (start + k) % profile.Participants, CreatedAt = idea.CreatedAt.AddHours(k % 48) });
            }
            idea.LikeCount = count;
            idea.BuildOnCount = buildOns.GetValueOrDefault(idea.Id);
            likeCount += count;
            if (likes.Count >= 100_000)
            {
                await Insert(db, likes);
                likes.Clear();
            }
        }
        await Insert(db, likes);

        // Comments: the loved ideas get 30–80, one idea in ten a few.
        var comments = new List<IdeaComment>();
        foreach (var idea in ideas)
        {
            var count = idea.Id % 100 == 7 ? 30 + random.Next(50) : idea.Id % 10 == 3 ? 1 + random.Next(4) : 0;
            for (var k = 0; k < count; k++)
            {
                comments.Add(new IdeaComment
                {
                    IdeaId = idea.Id,
                    ParticipantId = firstCitizen + random.Next(profile.Participants),
                    Text = $"Godt forslag. Vi kunne også tænke på {Things[random.Next(Things.Length)]} ved {Places[random.Next(Places.Length)]}.",
                    CreatedAt = idea.CreatedAt.AddHours(1 + k),
                });
            }
            idea.CommentCount = count;
        }
        await Insert(db, comments);

        // The jury (the anchor person) has scored the hundred most liked entries of the competition; one is the winner.
        var entries = byCampaign.GetValueOrDefault(competition.Id, []).OrderByDescending(i => i.LikeCount).Take(100).ToList();
        await Insert(db, entries.SelectMany(e => criteria.Select(c => new JuryScore { IdeaId = e.Id, CriterionId = c.Id, UserId = anchor, Score = 1 + random.Next(5), At = now.AddDays(-2) })).ToList());
        if (entries.Count > 0)
        {
            await db.Campaigns.Where(c => c.Id == competition.Id).ExecuteUpdateAsync(s => s
                .SetProperty(c => c.WinnerIdeaId, entries[0].Id).SetProperty(c => c.WinnerText, "Juryen faldt for fortællingen og håndværket."));
        }
        foreach (var chunk in ideas.Chunk(5000))
        {
            db.Ideas.UpdateRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        foreach (var campaign in campaigns)
        {
            var published = byCampaign.GetValueOrDefault(campaign.Id)?.Count ?? 0;
            await db.Campaigns.Where(c => c.Id == campaign.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.IdeaCount, published));
        }
        return [("campaigns", campaigns.Count), ("participants", participants.Count), ("ideas", ideas.Count), ("likes", likeCount),
            ("wish-list themes", themes.Count), ("comments", comments.Count), ("jury scores", entries.Count * criteria.Count)];
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
