using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.Actors;
using Samskab.Web.Features.Goals;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.RealityChecks;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Xunit;
using Xunit.Abstractions;

namespace Samskab.Tests.Security;

/// <summary>A second initiative with everything in it, an outsider, a working-group member and that initiative's anchor person.</summary>
public sealed class PermissionCrawlFactory : SamskabFactory
{
    public const string OutsiderEmail = "udenfor@eksempel.dk";
    public const string OtherAnchorEmail = "anker-andet@eksempel.dk";
    public string WorkingGroupEmail { get; private set; } = "";

    public Ids Own { get; private set; } = null!;
    public Ids Other { get; private set; } = null!;

    public sealed record Ids(int Initiative, int Platform, int Member, int Meeting, int Goal, int RealityCheck, int Newsletter, int Section, int Campaign = 0, int Idea = 0, int Area = 0, int Request = 0, int CoreTask = 0, int Formulation = 0);

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        await using var scope = Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var now = DateTimeOffset.UtcNow;
        foreach (var email in new[] { OutsiderEmail, OtherAnchorEmail })
        {
            var created = await users.CreateAsync(new AppUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email.Split('@')[0], CreatedAt = now }, Given.Password);
            Assert.True(created.Succeeded, string.Join(", ", created.Errors.Select(e => e.Description)));
        }
        var otherAnchorUser = await users.FindByEmailAsync(OtherAnchorEmail);

        // The other initiative: its anchor person has an account; its platform, meeting, goal, check and newsletter are its own.
        var anchor = new Person { Name = "Anden Ankerperson", Email = OtherAnchorEmail, UserId = otherAnchorUser!.Id, CreatedAt = now };
        var coordinator = new Person { Name = "Anden Tovholder", Email = "tovholder-andet@eksempel.dk", CreatedAt = now };
        var initiative = new Initiative { Title = "Et andet initiativ", SharedChallenge = "En anden udfordring", StartDate = DateOnly.FromDateTime(now.UtcDateTime), Phase = 6, CreatedAt = now };
        initiative.Members.Add(new InitiativeMember { Person = anchor, Role = InitiativeRole.AnchorPerson, InWorkingGroup = true, AddedAt = now });
        var coordinatorMember = new InitiativeMember { Person = coordinator, Role = InitiativeRole.Actor, AddedAt = now };
        initiative.Members.Add(coordinatorMember);
        db.Initiatives.Add(initiative);
        var platform = new DevelopmentPlatform { Initiative = initiative, Name = "Anden platform", FocusArea = "Andet fokus", CreatedAt = now };
        platform.Members.Add(new PlatformMember { Person = coordinator, IsCoordinator = true, JoinedOn = DateOnly.FromDateTime(now.UtcDateTime) });
        db.Platforms.Add(platform);
        await db.SaveChangesAsync();
        var meeting = new Meeting
        {
            InitiativeId = initiative.Id,
            PlatformId = platform.Id,
            Type = MeetingType.PlatformMeeting,
            Title = "Andet møde",
            StartsAt = now.AddDays(10),
            EndsAt = now.AddDays(10).AddHours(2),
            CalendarUid = Guid.NewGuid().ToString("N") + "@samskab",
            CreatedAt = now,
        };
        meeting.Invitations.Add(new Invitation { PersonId = coordinator.Id });
        db.Meetings.Add(meeting);
        var goal = new Goal { PlatformId = platform.Id, Title = "Andet mål", Kind = GoalKind.Qualitative, CreatedAt = now };
        db.Goals.Add(goal);
        var check = new RealityCheck { PlatformId = platform.Id, StartedAt = now, StartedByName = "Anden Tovholder" };
        db.RealityChecks.Add(check);
        var newsletter = new Newsletter { InitiativeId = initiative.Id, Number = 1, Title = "Andet nyhedsbrev", CreatedAt = now, CreatedByName = "Anden Ankerperson" };
        newsletter.Sections.Add(new NewsletterSection { PlatformId = platform.Id });
        db.Newsletters.Add(newsletter);
        await db.SaveChangesAsync();
        // The other initiative's campaign, with one idea: its anchor person manages it (and only it).
        var campaign = new Samskab.Web.Features.Participation.Campaign
        {
            Theme = "Anden indsamling",
            Question = "?",
            OrganisationName = "Andet",
            InitiativeId = initiative.Id,
            CreatedAt = now,
            OpensOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(-1),
            ClosesOn = DateOnly.FromDateTime(now.UtcDateTime).AddDays(30),
        };
        db.Campaigns.Add(campaign);
        var citizen = new Samskab.Web.Features.Participation.Participant { Email = "anden-borger@eksempel.dk", DisplayName = "Anden borger", CreatedAt = now, ConfirmedAt = now };
        db.Participants.Add(citizen);
        await db.SaveChangesAsync();
        var idea = new Samskab.Web.Features.Participation.Idea { CampaignId = campaign.Id, ParticipantId = citizen.Id, Title = "Anden idé", CreatedAt = now };
        db.Ideas.Add(idea);
        await db.SaveChangesAsync();
        // Another local area, whose bridge builder is the demo's second one, with a request from the other citizen.
        var area = new Samskab.Web.Features.LocalAreas.LocalArea { Name = "Andet lokalområde", CreatedAt = now };
        db.LocalAreas.Add(area);
        await db.SaveChangesAsync();
        var second = await db.Users.SingleAsync(u => u.Email == "brobygger2@demo.samskab.dk");
        db.AreaBridgeBuilders.Add(new Samskab.Web.Features.LocalAreas.AreaBridgeBuilder { AreaId = area.Id, UserId = second.Id, AddedAt = now });
        var request = new Samskab.Web.Features.LocalAreas.AreaRequest { AreaId = area.Id, ParticipantId = citizen.Id, Title = "Anden henvendelse", Text = "?", Category = Samskab.Web.Features.LocalAreas.RequestCategory.Other, CreatedAt = now, UpdatedAt = now };
        db.AreaRequests.Add(request);
        await db.SaveChangesAsync();
        var (otherProcess, otherFormulation) = await CoreTaskProcessAsync(db, otherAnchorUser.Id, "Anden enhed", now);
        Other = new Ids(initiative.Id, platform.Id, coordinatorMember.Id, meeting.Id, goal.Id, check.Id, newsletter.Id, newsletter.Sections[0].Id, campaign.Id, idea.Id, area.Id, request.Id, otherProcess, otherFormulation);

        var demo = await db.Initiatives.OrderBy(i => i.Id).Select(i => i.Id).FirstAsync();
        var youth = await db.Platforms.SingleAsync(p => p.Name == "Unge og fællesarealer");
        var ownNewsletter = await db.Newsletters.Where(n => n.InitiativeId == demo && n.Status == EditionStatus.Draft).Select(n => n.Id).FirstAsync();
        Own = new Ids(demo, youth.Id,
            await db.InitiativeMembers.Where(m => m.InitiativeId == demo && m.Person!.Email == "aktoer@demo.samskab.dk").Select(m => m.Id).SingleAsync(),
            await db.Meetings.Where(m => m.PlatformId == youth.Id).OrderByDescending(m => m.StartsAt).Select(m => m.Id).FirstAsync(),
            await db.Goals.Where(g => g.PlatformId == youth.Id).Select(g => g.Id).FirstAsync(),
            await db.RealityChecks.Where(c => c.PlatformId == youth.Id).OrderByDescending(c => c.StartedAt).Select(c => c.Id).FirstAsync(),
            ownNewsletter,
            await db.NewsletterSections.Where(s => s.NewsletterId == ownNewsletter && s.PlatformId == youth.Id).Select(s => s.Id).SingleAsync(),
            await db.Campaigns.Where(c => c.InitiativeId == demo).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync(),
            await db.Ideas.Where(i => i.Campaign!.InitiativeId == demo).OrderBy(i => i.Id).Select(i => i.Id).FirstAsync(),
            await db.LocalAreas.Where(a => a.Name == "Engby Nord").Select(a => a.Id).SingleAsync(),
            await db.AreaRequests.Where(r => r.AreaId == db.LocalAreas.Where(a => a.Name == "Engby Nord").Select(a => a.Id).Single()).OrderBy(r => r.Id).Select(r => r.Id).FirstAsync());
        var anne = await db.Users.SingleAsync(u => u.Email == "anker@demo.samskab.dk");
        var (ownProcess, ownFormulation) = await CoreTaskProcessAsync(db, anne.Id, "Egen enhed", now);
        Own = Own with { CoreTask = ownProcess, Formulation = ownFormulation };

        // A working-group member of the demo initiative who is on no platform and not the anchor person.
        var wg = await db.InitiativeMembers.Where(m => m.InitiativeId == demo && m.InWorkingGroup && m.Role == InitiativeRole.Actor && m.Person!.UserId == null)
            .Select(m => m.Person!.Name).FirstAsync();
        WorkingGroupEmail = await this.AccountForAsync(wg);
    }

    /// <summary>A core-task process owned by one account, with one formulation.</summary>
    private static async Task<(int Process, int Formulation)> CoreTaskProcessAsync(AppDbContext db, string ownerId, string unit, DateTimeOffset now)
    {
        var owner = new Samskab.Web.Features.CoreTask.CoreTaskParticipant { UserId = ownerId, Name = unit + " ejer", Role = Samskab.Web.Features.CoreTask.CoreTaskRole.Leader, IsOwner = true, AddedAt = now };
        var process = new Samskab.Web.Features.CoreTask.CoreTaskProcess { UnitName = unit, CreatedAt = now, CreatedByUserId = ownerId, Participants = [owner] };
        db.CoreTaskProcesses.Add(process);
        await db.SaveChangesAsync();
        var formulation = new Samskab.Web.Features.CoreTask.CoreTaskFormulation { ProcessId = process.Id, CreatedById = owner.Id, CreatedAt = now, LatestNumber = 1 };
        formulation.Versions.Add(new Samskab.Web.Features.CoreTask.FormulationVersion { Number = 1, Text = "Barnet trives.", Answers = [], AuthorId = owner.Id, CreatedAt = now });
        db.CoreTaskFormulations.Add(formulation);
        // An insight with material in it and a piece still unsorted, so the board and the validation show every form.
        var insight = new Samskab.Web.Features.CoreTask.CoreTaskInsight { ProcessId = process.Id, Title = "Forældre vil høre til", CreatedById = owner.Id, CreatedAt = now };
        db.CoreTaskInsights.Add(insight);
        await db.SaveChangesAsync();
        db.CoreTaskMaterials.AddRange(
            new Samskab.Web.Features.CoreTask.CoreTaskMaterial { ProcessId = process.Id, Kind = Samskab.Web.Features.CoreTask.MaterialKind.Obituary, Text = "Fællesskabet ville blive savnet.", AuthorId = owner.Id, CreatedAt = now, InsightId = insight.Id },
            new Samskab.Web.Features.CoreTask.CoreTaskMaterial { ProcessId = process.Id, Kind = Samskab.Web.Features.CoreTask.MaterialKind.Observation, Subject = "Garderoben", Text = "Forældrene taler sammen.", AuthorId = owner.Id, CreatedAt = now });
        db.CoreTaskCommitments.Add(new Samskab.Web.Features.CoreTask.CoreTaskCommitment { ProcessId = process.Id, ActorId = owner.Id, CreatedById = owner.Id, Place = "Stuen", Idea = "Forældrekaffe", Deadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(10), CreatedAt = now, UpdatedAt = now });
        await db.SaveChangesAsync();
        return (process.Id, formulation.Id);
    }
}

/// <summary>
/// For every page and handler of the site, and every role (anonymous, signed in without any role, actor,
/// coordinator, working group, anchor person, anchor person of another initiative, administrator), with the ids of
/// the demo initiative, of another initiative and mixed: the answer is what the permission matrix says. A page or
/// handler missing from the table below fails the test, so a new one cannot go unchecked.
/// </summary>
public class PermissionCrawlTests(PermissionCrawlFactory factory, ITestOutputHelper output) : IClassFixture<PermissionCrawlFactory>
{
    private enum S { Site, Initiative, Platform, Meeting, Goal, Newsletter, Section, RealityCheck, Campaign, Idea, Area, Request, CoreTask }

    private enum Access { Public, SignedIn, Admin, Matrix }

    /// <summary>What the route's {id} is, and who may: any of the operations (each on its scope). Exact: the matrix is the whole rule;
    /// otherwise the handler has a further condition (one's own proposal, one's own invitation) and only refusals are checked.</summary>
    private sealed record Rule(Access Access, S Id = S.Site, (Operation Op, S Scope)[]? AnyOf = null, bool Exact = true);

    private static Rule Public() => new(Access.Public);
    private static Rule SignedIn(bool exact = true) => new(Access.SignedIn, Exact: exact);
    private static Rule Admin() => new(Access.Admin);
    private static Rule M(S id, Operation op, S? scope = null, bool exact = true) => new(Access.Matrix, id, [(op, scope ?? id)], exact);
    private static Rule Any(S id, bool exact, params (Operation, S)[] ops) => new(Access.Matrix, id, ops, exact);

    private static readonly Dictionary<string, Rule> Rules = new()
    {
        ["GET / "] = Public(),
        ["GET /sprog "] = Public(),
        ["POST /sprog "] = Public(),
        ["GET /deltag "] = Public(),
        ["GET /fejl/{code:int?} "] = Public(),
        ["POST /fejl/{code:int?} "] = Public(),
        ["GET /konto/opret "] = Public(),
        ["POST /konto/opret "] = Public(),
        ["GET /konto/log-ind "] = Public(),
        ["POST /konto/log-ind "] = Public(),
        ["GET /konto/login-link "] = Public(),
        ["POST /konto/login-link "] = Public(),
        ["GET /konto/log-ud "] = Public(),
        ["POST /konto/log-ud "] = Public(),
        ["GET /konto/login-link/{token} "] = Public(),
        ["POST /konto/login-link/{token} "] = Public(),
        ["GET /konto/bekraeft/{token} "] = Public(),
        ["POST /konto/bekraeft/{token} "] = Public(),
        ["GET /konto/invitation/{token} "] = Public(),
        ["POST /konto/invitation/{token} "] = Public(),
        ["GET /moeder/svar/{token} "] = Public(),
        ["POST /moeder/svar/{token} "] = Public(),
        ["GET /mailindstillinger "] = Public(),
        ["POST /mailindstillinger "] = Public(),
        ["GET /nyhedsbreve/{id:int}/offentlig "] = Public(),

        // Citizens: the pages are public; writes need a participant (a confirmed address on this device, or any
        // account), and without one they send the visitor to the join page.
        ["GET /deltag/tilmeld "] = Public(),
        ["POST /deltag/tilmeld "] = Public(),
        ["GET /deltag/bekraeft/{handle} "] = Public(),
        ["POST /deltag/bekraeft/{handle} "] = Public(),
        ["GET /deltag/bekraeft-link/{token} "] = Public(),
        ["POST /deltag/bekraeft-link/{token} "] = Public(),
        ["GET /deltag/afmeld/{token} "] = Public(),
        ["GET /deltag/mine "] = Public(),
        ["GET /deltag/mine Download"] = Public(),
        ["POST /deltag/mine Profile"] = Public(),
        ["POST /deltag/mine Forget"] = Public(),
        ["POST /deltag/mine Delete"] = Public(),
        ["GET /indsamlinger/{id:int} "] = Public(),
        ["GET /indsamlinger/{id:int}/ny-ide "] = Public(),
        ["GET /indsamlinger/{id:int}/ny-ide Similar"] = Public(),
        ["POST /indsamlinger/{id:int}/ny-ide "] = Public(),
        ["POST /indsamlinger/{id:int}/ny-ide Similar"] = Public(),
        ["GET /ideer/{id:int} "] = Public(),
        ["POST /ideer/{id:int} Like"] = Public(),
        ["POST /ideer/{id:int} Unlike"] = Public(),
        ["POST /ideer/{id:int} Follow"] = Public(),
        ["POST /ideer/{id:int} Unfollow"] = Public(),
        ["POST /ideer/{id:int} Report"] = Public(),
        ["POST /ideer/{id:int} Answer"] = M(S.Idea, Operation.AnswerIdea),
        ["POST /ideer/{id:int} Comment"] = Public(),
        ["POST /ideer/{id:int} ReportComment"] = Public(),
        ["POST /ideer/{id:int} DeleteComment"] = M(S.Idea, Operation.DeleteOwnComment, exact: false),
        ["POST /ideer/{id:int} HideComment"] = M(S.Idea, Operation.ModerateCampaign, exact: false),
        ["POST /ideer/{id:int} Theme"] = M(S.Idea, Operation.GroupIdeas, exact: false),
        ["GET /indsamlinger/{id:int}/jury "] = M(S.Campaign, Operation.JudgeCompetition, exact: false),
        ["POST /indsamlinger/{id:int}/jury Criterion"] = M(S.Campaign, Operation.JudgeCompetition, exact: false),
        ["POST /indsamlinger/{id:int}/jury DeleteCriterion"] = M(S.Campaign, Operation.JudgeCompetition, exact: false),
        ["POST /indsamlinger/{id:int}/jury Score"] = M(S.Campaign, Operation.JudgeCompetition, exact: false),
        ["POST /indsamlinger/{id:int}/jury Winner"] = M(S.Campaign, Operation.JudgeCompetition, exact: false),
        ["POST /indsamlinger/{id:int}/jury WithdrawWinner"] = M(S.Campaign, Operation.JudgeCompetition, exact: false),
        ["POST /indsamlinger/{id:int}/moderering Comment"] = M(S.Campaign, Operation.ModerateCampaign, exact: false),
        ["GET /indsamlinger/{id:int}/temaer "] = M(S.Campaign, Operation.GroupIdeas),
        ["POST /indsamlinger/{id:int}/temaer Add"] = M(S.Campaign, Operation.GroupIdeas, exact: false),
        ["POST /indsamlinger/{id:int}/temaer Rename"] = M(S.Campaign, Operation.GroupIdeas, exact: false),
        ["POST /indsamlinger/{id:int}/temaer Delete"] = M(S.Campaign, Operation.GroupIdeas, exact: false),
        ["POST /indsamlinger/{id:int}/temaer Group"] = M(S.Campaign, Operation.GroupIdeas, exact: false),
        ["POST /ideer/{id:int} Withdraw"] = M(S.Idea, Operation.EditOwnIdea),
        ["GET /ideer/{id:int}/ret "] = M(S.Idea, Operation.EditOwnIdea),
        ["POST /ideer/{id:int}/ret "] = M(S.Idea, Operation.EditOwnIdea),
        ["GET /indsamlinger/{id:int}/moderering "] = M(S.Campaign, Operation.ModerateCampaign),
        ["POST /indsamlinger/{id:int}/moderering "] = M(S.Campaign, Operation.ModerateCampaign),
        ["GET /indsamlinger/{id:int}/rediger "] = M(S.Campaign, Operation.ManageCampaign),
        ["GET /indsamlinger/{id:int}/resultater "] = M(S.Campaign, Operation.ManageCampaign),
        ["GET /indsamlinger/{id:int}/resultater Csv"] = M(S.Campaign, Operation.ManageCampaign),
        ["GET /indsamlinger/{id:int}/resultater Xlsx"] = M(S.Campaign, Operation.ManageCampaign),
        ["POST /indsamlinger/{id:int}/rediger "] = M(S.Campaign, Operation.ManageCampaign),

        ["GET /lokalomraader "] = Public(),
        ["GET /lokalomraader/{id:int} "] = Public(),
        ["POST /lokalomraader/{id:int} Follow"] = Public(),
        ["POST /lokalomraader/{id:int} Unfollow"] = Public(),
        ["GET /lokalomraader/{id:int}/henvendelse "] = Public(),
        ["POST /lokalomraader/{id:int}/henvendelse "] = Public(),
        ["GET /lokalomraader/{id:int}/resultater "] = Public(),
        ["GET /lokalomraader/{id:int}/resultater Csv"] = Public(),
        ["GET /lokalomraader/{id:int}/resultater Xlsx"] = Public(),
        ["GET /lokalomraader/afmeld/{token} "] = Public(),
        ["GET /lokalomraader/{id:int}/rediger "] = M(S.Area, Operation.ManageLocalAreas, S.Site),
        ["POST /lokalomraader/{id:int}/rediger "] = M(S.Area, Operation.ManageLocalAreas, S.Site),
        ["POST /lokalomraader/{id:int}/rediger AddBridgeBuilder"] = M(S.Area, Operation.ManageLocalAreas, S.Site),
        ["POST /lokalomraader/{id:int}/rediger RemoveBridgeBuilder"] = M(S.Area, Operation.ManageLocalAreas, S.Site, exact: false),
        ["POST /lokalomraader/{id:int}/rediger Photo"] = M(S.Area, Operation.ManageLocalAreas, S.Site, exact: false),
        ["GET /broebygger "] = M(S.Site, Operation.HandleAreaRequest),
        ["GET /henvendelser/{id:int} "] = Public(),
        ["POST /henvendelser/{id:int} State"] = M(S.Request, Operation.HandleAreaRequest),
        ["POST /henvendelser/{id:int} HandOver"] = M(S.Request, Operation.HandleAreaRequest),
        ["POST /henvendelser/{id:int} Message"] = M(S.Request, Operation.WriteInRequestThread),
        // Reopening also needs a closed request within 30 days.
        ["POST /henvendelser/{id:int} Reopen"] = M(S.Request, Operation.ReopenRequest, exact: false),

        ["GET /kerneopgave/tjek "] = Public(),
        ["POST /kerneopgave/tjek "] = Public(),
        ["GET /kerneopgave "] = SignedIn(),
        ["GET /kerneopgave/nyt "] = M(S.Site, Operation.CreateCoreTaskProcess),
        ["POST /kerneopgave/nyt "] = M(S.Site, Operation.CreateCoreTaskProcess),
        ["GET /kerneopgave/{id:int} "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int} Phase"] = M(S.CoreTask, Operation.ManageCoreTaskProcess),
        ["GET /kerneopgave/{id:int}/deltagere "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/deltagere Add"] = M(S.CoreTask, Operation.ManageCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/deltagere Change"] = M(S.CoreTask, Operation.ManageCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/deltagere Remove"] = M(S.CoreTask, Operation.ManageCoreTaskProcess),
        ["GET /kerneopgave/{id:int}/spoergsmaal "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/spoergsmaal Propose"] = M(S.CoreTask, Operation.ProposeOpeningQuestion),
        ["POST /kerneopgave/{id:int}/spoergsmaal Comment"] = M(S.CoreTask, Operation.ProposeOpeningQuestion),
        ["POST /kerneopgave/{id:int}/spoergsmaal Choose"] = M(S.CoreTask, Operation.ManageCoreTaskProcess),
        ["GET /kerneopgave/{id:int}/materiale "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/materiale Interview"] = M(S.CoreTask, Operation.CollectCoreTaskMaterial),
        ["POST /kerneopgave/{id:int}/materiale Observation"] = M(S.CoreTask, Operation.CollectCoreTaskMaterial),
        ["POST /kerneopgave/{id:int}/materiale Obituary"] = M(S.CoreTask, Operation.CollectCoreTaskMaterial),
        ["POST /kerneopgave/{id:int}/materiale Photo"] = M(S.CoreTask, Operation.CollectCoreTaskMaterial),
        ["GET /kerneopgave/{id:int}/fremtidsbussen "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/fremtidsbussen Ride"] = M(S.CoreTask, Operation.CollectCoreTaskMaterial),
        ["POST /kerneopgave/{id:int}/fremtidsbussen Stop"] = M(S.CoreTask, Operation.CollectCoreTaskMaterial),
        ["POST /kerneopgave/{id:int}/fremtidsbussen Dialogue"] = M(S.CoreTask, Operation.CollectCoreTaskMaterial),
        ["GET /kerneopgave/{id:int}/links "] = M(S.CoreTask, Operation.ShareCoreTaskLink),
        ["GET /kerneopgave/{id:int}/links Qr"] = M(S.CoreTask, Operation.ShareCoreTaskLink),
        // The link is made by someone in the process: an administrator outside it is refused.
        ["POST /kerneopgave/{id:int}/links Create"] = M(S.CoreTask, Operation.ShareCoreTaskLink, exact: false),
        ["POST /kerneopgave/{id:int}/links Close"] = M(S.CoreTask, Operation.ShareCoreTaskLink),
        ["GET /kerneopgave/{id:int}/gennemsyn "] = M(S.CoreTask, Operation.ReviewCoreTaskContributions),
        ["POST /kerneopgave/{id:int}/gennemsyn "] = M(S.CoreTask, Operation.ReviewCoreTaskContributions),
        // The holder of a link's code, with or without an account: the page checks the code (CoreTaskLinkTests).
        ["GET /kerneopgave/bidrag/{code?} "] = Public(),
        ["POST /kerneopgave/bidrag/{code?} "] = Public(),
        ["GET /kerneopgave/{id:int}/indsigter "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/indsigter Move"] = M(S.CoreTask, Operation.ArrangeInsights),
        ["POST /kerneopgave/{id:int}/indsigter New"] = M(S.CoreTask, Operation.ArrangeInsights),
        ["POST /kerneopgave/{id:int}/indsigter Merge"] = M(S.CoreTask, Operation.ArrangeInsights),
        ["POST /kerneopgave/{id:int}/indsigter Rename"] = M(S.CoreTask, Operation.ArrangeInsights),
        ["POST /kerneopgave/{id:int}/indsigter Delete"] = M(S.CoreTask, Operation.ArrangeInsights),
        ["GET /kerneopgave/{id:int}/validering "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/validering "] = M(S.CoreTask, Operation.ValidateInsight),
        // Public once published; before that (as the crawl's processes are) only for the process's participants.
        ["GET /kerneopgave/{id:int}/borgercamp "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/borgercamp Open"] = M(S.CoreTask, Operation.ManageCoreTaskProcess),
        ["GET /kerneopgave/{id:int}/rapport "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["GET /kerneopgave/{id:int}/rapport Xlsx"] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["GET /kerneopgave/{id:int}/tilsagn "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        // The commitment is given by someone in the process: an administrator outside it is refused.
        ["POST /kerneopgave/{id:int}/tilsagn Add"] = M(S.CoreTask, Operation.ManageCoreTaskProcess, exact: false),
        ["POST /kerneopgave/{id:int}/tilsagn Status"] = M(S.CoreTask, Operation.ManageCoreTaskProcess),
        ["GET /kerneopgave/{id:int}/formuleringer "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/formuleringer Check"] = M(S.CoreTask, Operation.WriteCoreTaskFormulation),
        ["POST /kerneopgave/{id:int}/formuleringer Save"] = M(S.CoreTask, Operation.WriteCoreTaskFormulation),
        ["GET /kerneopgave/{id:int}/formuleringer/{fid:int} "] = M(S.CoreTask, Operation.ViewCoreTaskProcess),
        ["POST /kerneopgave/{id:int}/formuleringer/{fid:int} Check"] = M(S.CoreTask, Operation.WriteCoreTaskFormulation),
        ["POST /kerneopgave/{id:int}/formuleringer/{fid:int} Save"] = M(S.CoreTask, Operation.WriteCoreTaskFormulation),
        ["POST /kerneopgave/{id:int}/formuleringer/{fid:int} Choose"] = M(S.CoreTask, Operation.ManageCoreTaskProcess),

        ["GET /start "] = SignedIn(),
        ["GET /initiativer "] = SignedIn(),
        ["GET /kalender "] = SignedIn(),
        // A calendar that is not one's own is refused.
        ["POST /kalender "] = SignedIn(exact: false),
        ["GET /konto "] = SignedIn(),
        ["POST /konto Profile"] = SignedIn(),
        ["POST /konto Email"] = SignedIn(),
        ["POST /konto Password"] = SignedIn(),
        ["GET /konto/slet "] = SignedIn(),
        ["POST /konto/slet "] = SignedIn(),
        ["GET /konto/mine-data "] = SignedIn(),
        ["GET /konto/mine-data Json"] = SignedIn(),
        ["GET /konto/sessioner "] = SignedIn(),
        ["POST /konto/sessioner End"] = SignedIn(),
        ["POST /konto/sessioner EndOthers"] = SignedIn(),
        ["GET /konto/adgangsnoegler "] = SignedIn(),
        ["POST /konto/adgangsnoegler Create"] = SignedIn(),
        ["POST /konto/adgangsnoegler Revoke"] = SignedIn(),

        ["GET /admin "] = Admin(),
        ["GET /admin/brugere "] = Admin(),
        ["GET /admin/brugere/inviter "] = Admin(),
        ["POST /admin/brugere/inviter "] = Admin(),
        ["GET /admin/post "] = Admin(),
        ["GET /admin/post/{id:long} "] = Admin(),
        ["POST /admin/post/{id:long} Retry"] = Admin(),
        ["POST /admin/brugere CampaignManager"] = Admin(),

        ["GET /initiativer/nyt "] = M(S.Site, Operation.CreateInitiative),
        ["POST /initiativer/nyt "] = M(S.Site, Operation.CreateInitiative),
        ["GET /organisationer "] = M(S.Site, Operation.ManageActors),
        ["POST /organisationer "] = M(S.Site, Operation.ManageActors),

        ["GET /initiativer/{id:int} "] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/rediger "] = M(S.Initiative, Operation.EditInitiative),
        ["POST /initiativer/{id:int}/rediger "] = M(S.Initiative, Operation.EditInitiative),
        ["GET /initiativer/{id:int}/forberedelse "] = M(S.Initiative, Operation.EditInitiative),
        ["POST /initiativer/{id:int}/forberedelse "] = M(S.Initiative, Operation.EditInitiative),
        ["GET /initiativer/{id:int}/faser "] = M(S.Initiative, Operation.ViewInitiative),
        ["POST /initiativer/{id:int}/faser "] = M(S.Initiative, Operation.EditInitiative),
        ["GET /initiativer/{id:int}/plakat "] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/plakat Svg"] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/tidslinje "] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/dashboard "] = M(S.Initiative, Operation.ActOnWholeInitiative),
        ["POST /initiativer/{id:int}/dashboard RadarSettings"] = M(S.Initiative, Operation.ActOnWholeInitiative),
        ["GET /initiativer/{id:int}/evaluering "] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/evaluering Xlsx"] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/aktoerer "] = M(S.Initiative, Operation.ViewActorOverview),
        ["GET /initiativer/{id:int}/aktoerer Csv"] = M(S.Initiative, Operation.ViewActorOverview),
        ["GET /initiativer/{id:int}/aktoerer Xlsx"] = M(S.Initiative, Operation.ViewActorOverview),
        ["GET /initiativer/{id:int}/aktoerer/ny "] = M(S.Initiative, Operation.ManageActors),
        ["POST /initiativer/{id:int}/aktoerer/ny Existing"] = M(S.Initiative, Operation.ManageActors),
        ["POST /initiativer/{id:int}/aktoerer/ny New"] = M(S.Initiative, Operation.ManageActors),
        ["GET /initiativer/{id:int}/aktoerer/{memberId:int} "] = M(S.Initiative, Operation.ManageActors),
        ["POST /initiativer/{id:int}/aktoerer/{memberId:int} "] = M(S.Initiative, Operation.ManageActors),
        ["GET /initiativer/{id:int}/platforme/ny "] = M(S.Initiative, Operation.CreatePlatform),
        ["POST /initiativer/{id:int}/platforme/ny "] = M(S.Initiative, Operation.CreatePlatform),
        ["GET /initiativer/{id:int}/ringe "] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/ringe Csv"] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/ringe Xlsx"] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/ringe/ny "] = M(S.Initiative, Operation.RegisterRipple),
        ["POST /initiativer/{id:int}/ringe/ny "] = M(S.Initiative, Operation.RegisterRipple),
        ["GET /initiativer/{id:int}/moeder "] = M(S.Initiative, Operation.ViewInitiative),
        ["GET /initiativer/{id:int}/moeder/nyt "] = Any(S.Initiative, false, (Operation.PlanInitiativeMeeting, S.Initiative), (Operation.PlanPlatformMeeting, S.Platform)),
        ["POST /initiativer/{id:int}/moeder/nyt "] = Any(S.Initiative, false, (Operation.PlanInitiativeMeeting, S.Initiative), (Operation.PlanPlatformMeeting, S.Platform)),
        ["GET /initiativer/{id:int}/nyhedsbreve "] = M(S.Initiative, Operation.ViewInitiative),
        ["POST /initiativer/{id:int}/nyhedsbreve "] = M(S.Initiative, Operation.ComposeNewsletter),

        ["GET /platforme/{id:int} "] = M(S.Platform, Operation.ViewPlatform),
        ["POST /platforme/{id:int} Edit"] = M(S.Platform, Operation.ActOnWholeInitiative),
        ["POST /platforme/{id:int} AddMember"] = M(S.Platform, Operation.ActOnWholeInitiative),
        ["POST /platforme/{id:int} Coordinator"] = M(S.Platform, Operation.ActOnWholeInitiative),
        ["POST /platforme/{id:int} Act"] = M(S.Platform, Operation.ActOnWholeInitiative),
        // Leaving: oneself, or the anchor person for someone.
        ["POST /platforme/{id:int} Leave"] = Any(S.Platform, false, (Operation.ViewPlatform, S.Platform)),
        ["POST /platforme/{id:int} Propose"] = M(S.Platform, Operation.ProposePlatformChange),
        ["POST /platforme/{id:int} Respond"] = M(S.Platform, Operation.RespondToPlatformProposal, exact: false),
        ["POST /platforme/{id:int} Withdraw"] = Any(S.Platform, false, (Operation.ProposePlatformChange, S.Platform)),
        ["GET /platforme/{platformId:int}/maal "] = M(S.Platform, Operation.ViewPlatform),
        ["GET /platforme/{platformId:int}/maal/nyt "] = M(S.Platform, Operation.EditPlatformContent),
        ["POST /platforme/{platformId:int}/maal/nyt "] = M(S.Platform, Operation.EditPlatformContent),
        ["GET /platforme/{platformId:int}/realitetstjek "] = M(S.Platform, Operation.ViewPlatform),
        ["POST /platforme/{platformId:int}/realitetstjek "] = M(S.Platform, Operation.StartRealityCheck),

        ["GET /maal/{id:int} "] = M(S.Goal, Operation.ViewPlatform),
        ["POST /maal/{id:int} Measurement"] = M(S.Goal, Operation.EditPlatformContent),
        ["POST /maal/{id:int} Observation"] = M(S.Goal, Operation.EditPlatformContent),
        ["POST /maal/{id:int} Status"] = M(S.Goal, Operation.EditPlatformContent),
        ["GET /maal/{id:int}/rediger "] = M(S.Goal, Operation.EditPlatformContent),
        ["POST /maal/{id:int}/rediger "] = M(S.Goal, Operation.EditPlatformContent),

        ["GET /realitetstjek/{id:int} "] = M(S.RealityCheck, Operation.ViewPlatform),
        ["POST /realitetstjek/{id:int} Answer"] = M(S.RealityCheck, Operation.EditPlatformContent),
        ["POST /realitetstjek/{id:int} Close"] = M(S.RealityCheck, Operation.StartRealityCheck),
        ["POST /realitetstjek/{id:int} Remind"] = M(S.RealityCheck, Operation.StartRealityCheck),

        ["GET /moeder/{id:int} "] = Any(S.Meeting, true, (Operation.ViewInitiative, S.Meeting), (Operation.ContributeToMeeting, S.Meeting)),
        ["POST /moeder/{id:int} Reply"] = Any(S.Meeting, false, (Operation.ContributeToMeeting, S.Meeting)),
        ["POST /moeder/{id:int} Change"] = M(S.Meeting, Operation.PlanPlatformMeeting),
        ["POST /moeder/{id:int} Cancel"] = M(S.Meeting, Operation.PlanPlatformMeeting),
        ["POST /moeder/{id:int} Remind"] = M(S.Meeting, Operation.PlanPlatformMeeting),
        ["POST /moeder/{id:int} AgendaItem"] = M(S.Meeting, Operation.ContributeToMeeting),
        // Minutes, decisions and agreements also wait for the meeting to begin (the sample meeting is ahead).
        ["POST /moeder/{id:int} Minutes"] = M(S.Meeting, Operation.ContributeToMeeting, exact: false),
        ["POST /moeder/{id:int} Decision"] = M(S.Meeting, Operation.ContributeToMeeting, exact: false),
        ["POST /moeder/{id:int} Agreement"] = M(S.Meeting, Operation.ContributeToMeeting, exact: false),
        // An agreement is marked done by its owner or by whoever plans the meeting.
        ["POST /moeder/{id:int} AgreementDone"] = Any(S.Meeting, false, (Operation.ViewInitiative, S.Meeting)),
        ["POST /moeder/{id:int} Attendance"] = M(S.Meeting, Operation.PlanPlatformMeeting),
        ["POST /moeder/{id:int} SendMinutes"] = M(S.Meeting, Operation.PlanPlatformMeeting),

        ["GET /nyhedsbreve/{id:int} "] = M(S.Newsletter, Operation.ReadNewsletter),
        ["GET /nyhedsbreve/{id:int} Progress"] = M(S.Newsletter, Operation.ReadNewsletter),
        ["POST /nyhedsbreve/{id:int} Compose"] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["POST /nyhedsbreve/{id:int} Move"] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["POST /nyhedsbreve/{id:int} Remind"] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["POST /nyhedsbreve/{id:int} Publish"] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["GET /nyhedsbreve/{id:int}/levering "] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["POST /nyhedsbreve/{id:int}/levering Retry"] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["GET /nyhedsbreve/{id:int}/forhaandsvisning "] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["GET /nyhedsbreve/{id:int}/forhaandsvisning Mail"] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["POST /nyhedsbreve/{id:int}/forhaandsvisning Test"] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["GET /nyhedsbreve/{id:int}/send "] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["POST /nyhedsbreve/{id:int}/send "] = M(S.Newsletter, Operation.ComposeNewsletter),
        ["GET /nyhedsbreve/{id:int}/laes "] = M(S.Newsletter, Operation.ReadNewsletter),
        ["GET /nyhedsbreve/{id:int}/laes Export"] = M(S.Newsletter, Operation.ReadNewsletter),
        ["GET /nyhedsbreve/{id:int}/afsnit/{sectionId:int} "] = Any(S.Newsletter, true, (Operation.EditPlatformContent, S.Section), (Operation.ComposeNewsletter, S.Newsletter)),
        ["POST /nyhedsbreve/{id:int}/afsnit/{sectionId:int} "] = M(S.Newsletter, Operation.EditPlatformContent, S.Section),
    };

    private sealed record Role(string Name, string? Email);

    [Fact]
    [Trait("Category", "PermissionCrawl")]
    public async Task EveryPageAndHandler_ForEveryRole_AnswersAsTheMatrixSays()
    {
        var endpoints = PageHandlers().ToList();
        var unlisted = endpoints.Where(e => !Rules.ContainsKey(e)).ToList();
        Assert.True(unlisted.Count == 0, "Pages or handlers missing from the permission crawl's table:\n" + string.Join("\n", unlisted));
        Assert.Empty(Rules.Keys.Except(endpoints));

        Role[] roles =
        [
            new("anonym", null),
            new("registreret uden rolle", PermissionCrawlFactory.OutsiderEmail),
            new("aktør", "aktoer@demo.samskab.dk"),
            new("tovholder", "tovholder@demo.samskab.dk"),
            new("arbejdsgruppe", factory.WorkingGroupEmail),
            new("ankerperson", "anker@demo.samskab.dk"),
            new("ankerperson i et andet initiativ", PermissionCrawlFactory.OtherAnchorEmail),
            new("administrator", "admin@demo.samskab.dk"),
            new("brobygger", "brobygger@demo.samskab.dk"),
        ];
        var problems = new List<string>();
        var cells = 0;
        foreach (var role in roles)
        {
            using var client = factory.CreateAppClient();
            if (role.Email is not null)
            {
                await client.SignInAsync(role.Email, Samskab.Web.Infrastructure.Demo.DemoData.Accounts.Any(a => a.Email == role.Email) ? Samskab.Web.Infrastructure.Demo.DemoData.Password : Given.Password);
            }
            var token = await AntiforgeryTokenAsync(client, role.Email is not null);
            // Signing out would end this role's walk; it is checked last.
            foreach (var key in endpoints.OrderBy(k => k.StartsWith("POST /konto/log-ud", StringComparison.Ordinal)).ThenBy(k => k, StringComparer.Ordinal))
            {
                var rule = Rules[key];
                var (verb, template, handler) = Split(key);
                foreach (var (sample, ids) in Samples(template, rule))
                {
                    cells++;
                    var url = Url(template, rule.Id, ids) + (handler.Length > 0 ? "?handler=" + handler : "");
                    using var response = verb == "GET"
                        ? await client.Http.GetAsync(url)
                        : await client.Http.PostAsync(url, new FormUrlEncodedContent([new("__RequestVerificationToken", token)]));
                    var expected = await ExpectedAsync(role, rule, sample, ids);
                    var problem = Check(response, role, expected, rule, sample);
                    if (problem is not null)
                    {
                        problems.Add($"{role.Name}: {verb} {url} ({sample}) {problem}");
                    }
                }
            }
        }
        output.WriteLine($"{endpoints.Count} pages and handlers × {roles.Length} roles: {cells} role × route cells checked, {problems.Count} problems");
        var folder = Path.Combine(Features.Permissions.PermissionMatrixTests.RepoRoot(), "artifacts", "security");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "permission-crawl.txt"), $"{endpoints.Count} pages and handlers × {roles.Length} roles: {cells} cells\n");
        Assert.True(problems.Count == 0, $"{problems.Count} answers differ from the permission matrix:\n" + string.Join("\n", problems.Take(80)));
    }

    private enum Expect { Anything, Allowed, Refused, NotFound }

    private static string? Check(HttpResponseMessage response, Role role, Expect expected, Rule rule, string sample)
    {
        var status = (int)response.StatusCode;
        var location = response.Headers.Location?.OriginalString ?? "";
        if (status >= 500)
        {
            return $"answered {status}";
        }
        // Citizens' "sign-in" is the join page: a visitor without a participant is sent there.
        var toSignIn = status is 301 or 302 or 303 && (location.Contains("/konto/log-ind", StringComparison.Ordinal) || location.Contains("/deltag/tilmeld", StringComparison.Ordinal));
        var refused = status is 401 or 403 || toSignIn;
        if (rule.Access != Access.Public && role.Email is null && status != 404)
        {
            return toSignIn || status == 401 ? null : $"answered {status} to an anonymous visitor instead of the sign-in page";
        }
        return expected switch
        {
            Expect.Allowed when refused => $"was refused ({status}) though the matrix allows it",
            Expect.Refused when !(refused || status == 404) => $"answered {status}{(location.Length > 0 ? " → " + location : "")} though the matrix refuses it",
            Expect.NotFound when status is >= 200 and < 300 => $"answered {status} for ids of two different initiatives",
            _ => null,
        };
    }

    private async Task<Expect> ExpectedAsync(Role role, Rule rule, string sample, PermissionCrawlFactory.Ids ids)
    {
        if (sample == "blandet")
        {
            return Expect.NotFound;
        }
        switch (rule.Access)
        {
            case Access.Public:
                return Expect.Anything;
            case Access.SignedIn:
                return role.Email is null ? Expect.Refused : rule.Exact ? Expect.Allowed : Expect.Anything;
            case Access.Admin:
                return role.Email == "admin@demo.samskab.dk" ? Expect.Allowed : Expect.Refused;
        }
        if (role.Email is null)
        {
            return Expect.Refused;
        }
        var allowed = false;
        foreach (var (op, scope) in rule.AnyOf!)
        {
            allowed |= Permissions.IsAllowed(op, await RolesAsync(role.Email, Scope(scope, ids)));
        }
        return allowed ? (rule.Exact ? Expect.Allowed : Expect.Anything) : Expect.Refused;
    }

    private readonly Dictionary<(string, AccessScope), Roles> _roles = [];

    private async Task<Roles> RolesAsync(string email, AccessScope scope)
    {
        if (_roles.TryGetValue((email, scope), out var cached))
        {
            return cached;
        }
        await using var services = factory.Services.CreateAsyncScope();
        var sp = services.ServiceProvider;
        var user = await sp.GetRequiredService<AppDbContext>().Users.SingleAsync(u => u.Email == email);
        var principal = await sp.GetRequiredService<IUserClaimsPrincipalFactory<AppUser>>().CreateAsync(user);
        return _roles[(email, scope)] = await sp.GetRequiredService<RoleResolver>().RolesAsync(principal, scope);
    }

    private static AccessScope Scope(S scope, PermissionCrawlFactory.Ids ids) => scope switch
    {
        S.Site => AccessScope.Site,
        S.Initiative or S.Newsletter => AccessScope.ForInitiative(ids.Initiative),
        S.Platform or S.Goal or S.RealityCheck or S.Section => AccessScope.ForPlatform(ids.Initiative, ids.Platform),
        S.Meeting => AccessScope.ForMeeting(ids.Initiative, ids.Platform, ids.Meeting),
        S.Campaign => AccessScope.ForCampaign(ids.Campaign),
        S.Idea => AccessScope.ForIdea(ids.Campaign, ids.Idea),
        S.Area => AccessScope.ForArea(ids.Area),
        S.Request => AccessScope.ForRequest(ids.Area, ids.Request),
        S.CoreTask => AccessScope.ForCoreTask(ids.CoreTask),
        _ => throw new ArgumentOutOfRangeException(nameof(scope)),
    };

    /// <summary>The demo initiative's ids, the other initiative's, and for routes with two ids a mix of both.</summary>
    private IEnumerable<(string Sample, PermissionCrawlFactory.Ids Ids)> Samples(string template, Rule rule)
    {
        if (!template.Contains('{', StringComparison.Ordinal) || rule.Id == S.Site && !template.Contains("{id", StringComparison.Ordinal))
        {
            yield return ("uden id", factory.Own);
            yield break;
        }
        yield return ("eget initiativ", factory.Own);
        yield return ("andet initiativ", factory.Other);
        if (template.Contains("{memberId", StringComparison.Ordinal) || template.Contains("{sectionId", StringComparison.Ordinal) || template.Contains("{fid", StringComparison.Ordinal))
        {
            yield return ("blandet", factory.Own with { Member = factory.Other.Member, Section = factory.Other.Section, Formulation = factory.Other.Formulation });
        }
    }

    private static string Url(string template, S id, PermissionCrawlFactory.Ids ids)
    {
        var first = id switch
        {
            S.Initiative => ids.Initiative,
            S.Platform => ids.Platform,
            S.Meeting => ids.Meeting,
            S.Goal => ids.Goal,
            S.Newsletter or S.Section => ids.Newsletter,
            S.RealityCheck => ids.RealityCheck,
            S.Campaign => ids.Campaign,
            S.Idea => ids.Idea,
            S.Area => ids.Area,
            S.Request => ids.Request,
            S.CoreTask => ids.CoreTask,
            _ => 1,
        };
        var url = Regex.Replace(template, @"\{(id|platformId)(:[a-z]+)?\??\}", first.ToString(System.Globalization.CultureInfo.InvariantCulture));
        url = Regex.Replace(url, @"\{memberId(:[a-z]+)?\}", ids.Member.ToString(System.Globalization.CultureInfo.InvariantCulture));
        url = Regex.Replace(url, @"\{sectionId(:[a-z]+)?\}", ids.Section.ToString(System.Globalization.CultureInfo.InvariantCulture));
        url = Regex.Replace(url, @"\{fid(:[a-z]+)?\}", ids.Formulation.ToString(System.Globalization.CultureInfo.InvariantCulture));
        url = Regex.Replace(url, @"\{(token|handle)\}", "ikke-et-gyldigt-token");
        return Regex.Replace(url, @"\{code(:[a-z]+)?\??\}", "404");
    }

    private static (string Verb, string Template, string Handler) Split(string key)
    {
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var last = key.LastIndexOf(' ');
        return (key[..space], key[(space + 1)..last], key[(last + 1)..]);
    }

    /// <summary>Every Razor page's route and handler, from the compiled pages: "GET /moeder/{id:int} Minutes".</summary>
    private static IEnumerable<string> PageHandlers()
    {
        var assembly = typeof(Program).Assembly;
        foreach (var item in assembly.GetCustomAttributes<RazorCompiledItemAttribute>().Where(i => i.Kind == "mvc.1.0.razor-page"))
        {
            var route = item.Type.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().FirstOrDefault(a => a.Key == "RouteTemplate")?.Value;
            var model = item.Type.GetProperty("Model")?.PropertyType;
            if (route is null || model is null)
            {
                continue;
            }
            foreach (var method in model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            {
                var match = Regex.Match(method.Name, "^On(Get|Post)(\\w*?)(Async)?$");
                if (match.Success)
                {
                    yield return $"{match.Groups[1].Value.ToUpperInvariant()} {route} {match.Groups[2].Value}";
                }
            }
        }
    }

    private static async Task<string> AntiforgeryTokenAsync(AppClient client, bool signedIn)
    {
        var page = await client.GetAsync(signedIn ? "/konto" : "/konto/log-ind");
        var token = page.Document.QuerySelector("input[name='__RequestVerificationToken']")?.GetAttribute("value");
        Assert.False(string.IsNullOrEmpty(token), "No antiforgery token on " + page.Response.RequestMessage!.RequestUri);
        return token!;
    }
}
