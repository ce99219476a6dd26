using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.LocalAreas;
using Samskab.Web.Infrastructure.Data;

namespace Samskab.Benchmarks;

/// <summary>
/// Local areas and their requests (issue 14): the first area holds a fifth of the requests, so its page is measured
/// with the most data; the bridge builder account (<see cref="Generator.Accounts"/>, the fifth) has the first five
/// areas. Every request has its history: sent, the states it went through with their answers, and a thread.
/// </summary>
public static class AreaGenerator
{
    private static readonly string[] Wishes = ["en bænk ved gadekæret", "lys på stien", "en fodgængerovergang", "frugttræer på pladsen", "låne gymnastiksalen", "en shelterplads",
        "flere skraldespande", "en ny legeplads", "lukke vejen under byfesten", "et medborgerhus", "en cykelsti", "en kunstgræsbane"];

    public static async Task<List<(string, long)>> FillAsync(AppDbContext db, Profile profile, Random random, DateTimeOffset now, DateOnly today)
    {
        var areas = Enumerable.Range(0, profile.Areas).Select(n => new LocalArea
        {
            Name = $"Lokalområde {n + 1:00}",
            Description = "Et lokalområde med landsbyer, foreninger og et aktivt lokalråd.",
            Places = string.Join('\n', Enumerable.Range(1, 6).Select(k => $"By {n + 1:00}-{k}")),
            ForumName = $"Lokalråd {n + 1:00}",
            ForumContact = "Formand: Bente Holm, tlf. 20 30 40 50",
            CreatedAt = now.AddDays(-400),
        }).ToList();
        db.LocalAreas.AddRange(areas);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var users = await db.Users.Where(u => u.Email!.EndsWith("@bench.samskab.dk")).ToDictionaryAsync(u => u.Email!, u => u.Id);
        var bridge = users[Generator.Accounts[4].Email];
        var admin = users[Generator.Accounts[0].Email];
        var bridges = areas.Select((a, n) => new AreaBridgeBuilder { AreaId = a.Id, UserId = n < 5 ? bridge : admin, AddedAt = now.AddDays(-399), Presentation = "Jeg er områdets brobygger." }).ToList();
        db.AreaBridgeBuilders.AddRange(bridges);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var citizens = await db.Participants.Where(p => p.Email!.StartsWith("borger")).Select(p => p.Id).ToListAsync();

        var requests = new List<AreaRequest>(profile.Requests);
        for (var n = 0; n < profile.Requests; n++)
        {
            var area = n < profile.Requests / 5 ? areas[0] : areas[1 + n % (areas.Count - 1)];
            var created = now.AddMinutes(-(profile.Requests - n) * 30.0);
            var state = Enum.GetValues<RequestState>()[random.Next(6)];
            if (created > now.AddDays(-20) && random.Next(2) == 0) state = RequestState.Received;
            var answered = state != RequestState.Received || random.Next(3) == 0;
            requests.Add(new AreaRequest
            {
                AreaId = area.Id,
                ParticipantId = citizens[random.Next(citizens.Count)],
                Title = $"Vi vil gerne have {Wishes[random.Next(Wishes.Length)]} ({n})",
                Text = "Vi har talt om det i lokalrådet, og mange vil gerne være med til at gøre det til virkelighed. Hvad skal der til?",
                Category = Enum.GetValues<RequestCategory>()[random.Next(8)],
                State = state,
                Department = state is RequestState.PassedOn or RequestState.Planned or RequestState.Done ? "Vej og Park" : null,
                ExpectedOn = state is RequestState.Planned ? today.AddDays(10 + n % 90) : null,
                LatestAnswer = answered ? "Tak for henvendelsen. Vi kigger på det og vender tilbage." : null,
                AnswerDueOn = AreaRules.AnswerDue(DateOnly.FromDateTime(created.UtcDateTime), 10),
                FirstAnsweredAt = answered ? created.AddDays(1 + random.Next(20)) : null,
                OwnerUserId = bridges[areas.IndexOf(area)].UserId,
                CreatedAt = created,
                UpdatedAt = created.AddDays(answered ? 5 : 0),
                ClosedAt = state is RequestState.Done or RequestState.ClosedNotDone ? created.AddDays(25) : null,
                MessageCount = answered ? 2 : 0,
            });
        }
        foreach (var chunk in requests.Chunk(5000))
        {
            db.AreaRequests.AddRange(chunk);
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
        }
        var entries = new List<RequestEntry>();
        foreach (var r in requests)
        {
            entries.Add(new RequestEntry { RequestId = r.Id, Kind = RequestEntryKind.Sent, State = RequestState.Received, ByParticipantId = r.ParticipantId, ByName = "Borger", At = r.CreatedAt });
            if (r.FirstAnsweredAt is DateTimeOffset a)
            {
                entries.Add(new RequestEntry { RequestId = r.Id, Kind = RequestEntryKind.StateChange, State = r.State, Text = r.LatestAnswer, FromStaff = true, ByUserId = r.OwnerUserId, ByName = "Bo Brobygger", At = a });
                entries.Add(new RequestEntry { RequestId = r.Id, Kind = RequestEntryKind.Message, Text = "Tak – vi kan mødes på stedet en eftermiddag.", ByParticipantId = r.ParticipantId, ByName = "Borger", At = a.AddDays(1) });
                entries.Add(new RequestEntry { RequestId = r.Id, Kind = RequestEntryKind.Message, Text = "Det lyder godt, jeg ringer.", FromStaff = true, ByUserId = r.OwnerUserId, ByName = "Bo Brobygger", At = a.AddDays(2) });
            }
            if (entries.Count >= 20_000)
            {
                db.RequestEntries.AddRange(entries);
                await db.SaveChangesAsync();
                db.ChangeTracker.Clear();
                entries.Clear();
            }
        }
        db.RequestEntries.AddRange(entries);
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        var entryCount = await db.RequestEntries.LongCountAsync();
        return [("local areas", areas.Count), ("requests", requests.Count), ("request entries", entryCount)];
    }
}
