using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;
using Xunit.Abstractions;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>Every page of a core-task process makes the same number of SQL commands with 3 or 40 of everything.</summary>
public class CoreTaskQueryCountTests(SqlCountingFactory factory, ITestOutputHelper output) : IClassFixture<SqlCountingFactory>
{
    private Task<(int Process, int Formulation, int Insight)> ProcessAsync(string unit, int n) =>
        factory.WithDbAsync(async db =>
        {
            var now = DateTimeOffset.UtcNow;
            var anne = db.Users.Single(u => u.Email == GivenCoreTask.AnchorEmail);
            var process = new CoreTaskProcess { UnitName = unit, CreatedAt = now, CreatedByUserId = anne.Id };
            process.Participants.Add(new CoreTaskParticipant { UserId = anne.Id, Name = anne.DisplayName, Role = CoreTaskRole.Leader, IsOwner = true, AddedAt = now });
            for (var i = 0; i < n; i++)
            {
                process.Participants.Add(new CoreTaskParticipant { Name = "Borger " + i, Role = (CoreTaskRole)(i % 5 + 1), AddedAt = now });
            }
            db.CoreTaskProcesses.Add(process);
            await db.SaveChangesAsync();
            var author = process.Participants[0].Id;
            var formulation = new CoreTaskFormulation { ProcessId = process.Id, CreatedById = author, CreatedAt = now, LatestNumber = n };
            for (var i = 0; i < n; i++)
            {
                var question = new OpeningQuestion { ProcessId = process.Id, Text = "Spørgsmål " + i, ProposedById = process.Participants[i % process.Participants.Count].Id, CreatedAt = now.AddMinutes(i) };
                db.OpeningQuestions.Add(question);
                await db.SaveChangesAsync();
                db.OpeningQuestionComments.Add(new OpeningQuestionComment { QuestionId = question.Id, AuthorId = author, Text = "Kommentar", CreatedAt = now });
                db.CoreTaskMaterials.Add(new CoreTaskMaterial { ProcessId = process.Id, Kind = (MaterialKind)(i % 3 + 1), AuthorId = author, Text = "Materiale " + i, WhySteps = ["Fordi"], UnderlyingNeed = "Behov", CreatedAt = now.AddMinutes(i) });
                formulation.Versions.Add(new FormulationVersion { Number = i + 1, Text = "Barnet trives " + i + ".", Answers = [], AuthorId = author, CreatedAt = now.AddMinutes(i) });
                db.CoreTaskFormulations.Add(new CoreTaskFormulation
                {
                    ProcessId = process.Id,
                    CreatedById = author,
                    CreatedAt = now.AddMinutes(i),
                    LatestNumber = 1,
                    Versions = [new FormulationVersion { Number = 1, Text = "Vi underviser " + i + ".", Answers = [], AuthorId = author, CreatedAt = now }],
                });
            }
            db.CoreTaskFormulations.Add(formulation);
            await db.SaveChangesAsync();
            // n insights, each with some of the material and validations by every participant.
            var material = db.CoreTaskMaterials.Where(m => m.ProcessId == process.Id).Select(m => m.Id).ToList();
            for (var i = 0; i < n; i++)
            {
                var insight = new CoreTaskInsight { ProcessId = process.Id, Title = "Indsigt " + i, CreatedById = author, CreatedAt = now.AddMinutes(i) };
                db.CoreTaskInsights.Add(insight);
                await db.SaveChangesAsync();
                foreach (var p in process.Participants)
                {
                    db.InsightValidations.Add(new InsightValidation { InsightId = insight.Id, ParticipantId = p.Id, Verdict = (InsightVerdict)(p.Id % 3 + 1), Comment = "Fordi " + p.Name, At = now });
                }
            }
            await db.SaveChangesAsync();
            var insights = db.CoreTaskInsights.Where(i => i.ProcessId == process.Id).Select(i => i.Id).ToList();
            // Two thirds of the material sorted, a third left unsorted.
            for (var i = 0; i < material.Count; i++)
            {
                if (i % 3 != 2)
                {
                    var into = insights[i % insights.Count];
                    var piece = material[i];
                    await db.CoreTaskMaterials.Where(m => m.Id == piece).ExecuteUpdateAsync(x => x.SetProperty(m => m.InsightId, into));
                }
            }
            for (var i = 0; i < n; i++)
            {
                db.CoreTaskCommitments.Add(new CoreTaskCommitment { ProcessId = process.Id, ActorId = process.Participants[i % process.Participants.Count].Id, CreatedById = author, Place = "Stuen", Idea = "Idé " + i, Deadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(i - n / 2), CreatedAt = now, UpdatedAt = now });
            }
            await db.SaveChangesAsync();
            // The future bus: rides with three stops each, a photo on the way to each stop; links with what citizens
            // sent through them waiting for the review.
            for (var i = 0; i < n / 3 + 1; i++)
            {
                var ride = new CoreTaskBusRide { ProcessId = process.Id, Title = "Tur " + i, RideOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-i), CreatedAt = now };
                for (var k = 0; k < 3; k++) ride.Stops.Add(new CoreTaskBusStop { Place = "Stop " + k, Dialogue = "Dialog", CreatedAt = now });
                db.CoreTaskBusRides.Add(ride);
                await db.SaveChangesAsync();
                foreach (var stop in ride.Stops)
                {
                    db.CoreTaskMaterials.Add(new CoreTaskMaterial { ProcessId = process.Id, Kind = MaterialKind.Photo, AuthorId = author, Text = "Foto", PhotoKey = new string('a', 32), BusStopId = stop.Id, CreatedAt = now });
                }
            }
            for (var i = 0; i < n; i++)
            {
                var invite = new CoreTaskInvite { ProcessId = process.Id, Code = CoreTaskCodes.New(), Kind = MaterialKind.Obituary, CreatedById = author, CreatedAt = now.AddMinutes(i) };
                db.CoreTaskInvites.Add(invite);
                await db.SaveChangesAsync();
                var guest = new CoreTaskParticipant { ProcessId = process.Id, Name = "Gæst " + i, Role = CoreTaskRole.Citizen, InviteId = invite.Id, AddedAt = now };
                db.CoreTaskParticipants.Add(guest);
                await db.SaveChangesAsync();
                db.CoreTaskMaterials.Add(new CoreTaskMaterial { ProcessId = process.Id, Kind = MaterialKind.Obituary, AuthorId = guest.Id, Text = "Savnet " + i, PendingReview = true, CreatedAt = now.AddMinutes(i) });
            }
            await db.SaveChangesAsync();
            return (process.Id, formulation.Id, insights[0]);
        });

    public static TheoryData<string, string> Pages => new()
    {
        { "overview", "/kerneopgave/{p}" },
        { "participants", "/kerneopgave/{p}/deltagere" },
        { "opening questions", "/kerneopgave/{p}/spoergsmaal" },
        { "material", "/kerneopgave/{p}/materiale" },
        { "formulations", "/kerneopgave/{p}/formuleringer" },
        { "insights board", "/kerneopgave/{p}/indsigter" },
        { "insights board with a group open", "/kerneopgave/{p}/indsigter?gruppe={i}" },
        { "validation", "/kerneopgave/{p}/validering" },
        { "report", "/kerneopgave/{p}/rapport" },
        { "commitments", "/kerneopgave/{p}/tilsagn" },
        { "citizen camp (not published)", "/kerneopgave/{p}/borgercamp" },
        { "formulation", "/kerneopgave/{p}/formuleringer/{f}" },
        { "list of processes", "/kerneopgave" },
        { "future bus", "/kerneopgave/{p}/fremtidsbussen" },
        { "links for citizens", "/kerneopgave/{p}/links" },
        { "review", "/kerneopgave/{p}/gennemsyn" },
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Page_MakesTheSameNumberOfQueries_With3And40OfEverything(string name, string template)
    {
        var small = await ProcessAsync("Lille " + name, 3);
        var large = await ProcessAsync("Stor " + name, 40);
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);
        string Url((int Process, int Formulation, int Insight) ids) => template
            .Replace("{p}", ids.Process.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{f}", ids.Formulation.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("{i}", ids.Insight.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        await anne.SqlCommandsAsync(Url(small));
        var withFew = await anne.SqlCommandsAsync(Url(small));
        await anne.SqlCommandsAsync(Url(large));
        var withMany = await anne.SqlCommandsAsync(Url(large));
        output.WriteLine($"{name}: {withFew} commands with 3 of everything, {withMany} with 40");
        Assert.Equal(withFew, withMany);
    }
}
