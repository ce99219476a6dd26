using Samskab.Web.Infrastructure.Auth;
using Xunit;

namespace Samskab.Tests.Features.Permissions;

/// <summary>Walks the whole matrix: every operation against every role, allowed and refused.</summary>
public class PermissionMatrixTests
{
    private static readonly Roles[] AllRoles = [Roles.SiteAdministrator, Roles.AnchorPerson, Roles.WorkingGroup, Roles.Actor, Roles.Observer, Roles.PlatformCoordinator, Roles.PlatformMember, Roles.MeetingInvitee, Roles.CampaignManager, Roles.Participant, Roles.IdeaAuthor, Roles.CommentAuthor, Roles.BridgeBuilder, Roles.RequestAuthor, Roles.CoreTaskOwner, Roles.CoreTaskMember, Roles.CoreTaskDefiner, Roles.CoreTaskLinkHolder];

    // The expected matrix, written out independently of the code: row = operation, columns in AllRoles order.
    // A = admin, K = anchor, W = working group, a = actor, O = observer, T = coordinator, M = member, I = invited to the meeting,
    // C = campaign manager, P = participant (a citizen who confirmed an address), F = the idea's author, K = the comment's author,
    // B = a bridge builder of the area, R = the request's sender, E = a core-task process's owner, U = a participant in it,
    // D = a leader, staff member or politician in it, L = someone holding an open link or room code of it.
    public static TheoryData<Operation, string> Expected => new()
    {
        { Operation.ViewInitiative,            "AKWaOTM..........." },
        { Operation.EditInitiative,            "AK................" },
        { Operation.ManageActors,              "AKW..............." },
        { Operation.ViewActorOverview,         "AKWa.TM..........." },
        { Operation.ViewStakeholderAssessments, "AKW..............." },
        { Operation.CreatePlatform,            "AK................" },
        { Operation.ActOnWholeInitiative,      "AK................" },
        { Operation.PlanInitiativeMeeting,     ".K................" },
        { Operation.ComposeNewsletter,         ".K................" },
        { Operation.ReadNewsletter,            "AKWa.TM..........." },
        { Operation.RegisterRipple,            ".KWa.TM..........." },
        { Operation.ViewPlatform,              "AKWaOTM..........." },
        { Operation.ProposePlatformChange,     ".....TM..........." },
        { Operation.RespondToPlatformProposal, ".....TM..........." },
        { Operation.EditPlatformContent,       ".....TM..........." },
        { Operation.PlanPlatformMeeting,       ".K...T............" },
        { Operation.StartRealityCheck,         ".K...T............" },
        { Operation.RemindPlatformMembers,     ".K...T............" },
        { Operation.ContributeToMeeting,       ".K.....I.........." },
        { Operation.CreateInitiative,          "AK................" },
        { Operation.AdministerSite,            "A................." },
        { Operation.CreateCampaign,            "AK......C...B....." },
        { Operation.ManageCampaign,            "A.......C........." },
        { Operation.ModerateCampaign,          "A.......C........." },
        { Operation.AnswerIdea,                "........C........." },
        { Operation.PostIdea,                  ".........P........" },
        { Operation.LikeIdea,                  ".........P........" },
        { Operation.ReportIdea,                ".........P........" },
        { Operation.CommentIdea,               ".........P........" },
        { Operation.GroupIdeas,                "A.......C........." },
        { Operation.JudgeCompetition,          "........C........." },
        { Operation.EditOwnIdea,               "..........F......." },
        { Operation.DeleteOwnComment,          "...........K......" },
        { Operation.ManageLocalAreas,          "A................." },
        { Operation.HandleAreaRequest,         "A...........B....." },
        { Operation.ViewRequesterContact,      "A...........B....." },
        { Operation.SendAreaRequest,           ".........P........" },
        { Operation.FollowArea,                ".........P........" },
        { Operation.WriteInRequestThread,      "A...........BR...." },
        { Operation.ReopenRequest,             ".............R...." },
        { Operation.CreateCoreTaskProcess,     "AK......C........." },
        { Operation.ViewCoreTaskProcess,       "A.............EU.." },
        { Operation.ManageCoreTaskProcess,     "A.............E..." },
        { Operation.ProposeOpeningQuestion,    "..............EU.." },
        { Operation.CollectCoreTaskMaterial,   "..............EU.." },
        { Operation.WriteCoreTaskFormulation,  "..............E.D." },
        { Operation.ArrangeInsights,           "..............EU.." },
        { Operation.ValidateInsight,           "..............EU.." },
        { Operation.ShareCoreTaskLink,         "A.............E..." },
        { Operation.ReviewCoreTaskContributions, "A.............E..." },
        { Operation.ContributeViaCoreTaskLink, "..............EU.L" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Matrix_EachRole_AllowedOrRefusedAsDocumented(Operation operation, string expected)
    {
        for (var i = 0; i < AllRoles.Length; i++)
        {
            var allowed = expected[i] != '.';
            Assert.True(allowed == Web.Infrastructure.Auth.Permissions.IsAllowed(operation, AllRoles[i]),
                $"{operation} for {AllRoles[i]}: expected {(allowed ? "allowed" : "refused")}");
        }
        Assert.False(Web.Infrastructure.Auth.Permissions.IsAllowed(operation, Roles.None), $"{operation} allowed without any role");
    }

    [Fact]
    public void Matrix_CoversEveryOperation()
    {
        var covered = Expected.Select(row => (Operation)row[0]).ToHashSet();
        Assert.All(Enum.GetValues<Operation>(), op => Assert.Contains(op, covered));
    }

    [Fact]
    public void FlatHierarchy_CoordinatorHasNoSayAMemberLacks()
    {
        // Whatever a coordinator may do that a member may not is a chore (inviting, writing up), never a say.
        var coordinatorOnly = Web.Infrastructure.Auth.Permissions.Matrix
            .Where(r => Web.Infrastructure.Auth.Permissions.IsAllowed(r.Operation, Roles.PlatformCoordinator)
                        && !Web.Infrastructure.Auth.Permissions.IsAllowed(r.Operation, Roles.PlatformMember))
            .ToList();
        Assert.NotEmpty(coordinatorOnly);
        Assert.All(coordinatorOnly, r => Assert.Equal(OperationKind.Chore, r.Kind));
        // And every say a member has, the coordinator has too, and the other way round.
        var says = Web.Infrastructure.Auth.Permissions.Matrix.Where(r => r.Kind == OperationKind.Say).ToList();
        Assert.NotEmpty(says);
        Assert.All(says, r => Assert.Equal(
            Web.Infrastructure.Auth.Permissions.IsAllowed(r.Operation, Roles.PlatformMember),
            Web.Infrastructure.Auth.Permissions.IsAllowed(r.Operation, Roles.PlatformCoordinator)));
    }

    [Fact]
    public void Administrator_HasNoVoteOnPlatforms()
    {
        Assert.False(Web.Infrastructure.Auth.Permissions.IsAllowed(Operation.RespondToPlatformProposal, Roles.SiteAdministrator));
        Assert.False(Web.Infrastructure.Auth.Permissions.IsAllowed(Operation.ProposePlatformChange, Roles.SiteAdministrator));
    }

    [Fact]
    public void PermissionsDoc_MatchesTheCode()
    {
        var doc = File.ReadAllText(Path.Combine(RepoRoot(), "docs", "permissions.md")).ReplaceLineEndings("\n");
        var table = Web.Infrastructure.Auth.Permissions.MarkdownTable();
        Assert.True(doc.Contains(table, StringComparison.Ordinal), "docs/permissions.md is out of date. The table should be:\n" + table);
    }

    internal static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samskab.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found");
    }
}
