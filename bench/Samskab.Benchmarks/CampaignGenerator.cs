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
    private static readonly string[] Places = ["torvet", "parken", "havnen", "stationen", "skolen", "åen", "skoven", "biblioteket", "multibanen", "kirkepladsen"];

    public static async Task<List<(string, long)>> FillAsync(AppDbContext db, Profile profile, Random random, DateTimeOffset now, DateOnly today)
    {
        var campaigns = Enumerable.Range(0, profile.Campaigns).Select(c => new Campaign
        {
            Type = CampaignType.IdeaBoard,
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
        return [("campaigns", campaigns.Count), ("participants", participants.Count), ("ideas", ideas.Count), ("likes", likeCount)];
    }

    private static async Task Insert<T>(AppDbContext db, IReadOnlyList<T> rows) where T : class
    {
        foreach (var chunk in rows.Chunk(5000))
        {
            db.Set<T>().AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
    }
}
