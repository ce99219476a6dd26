using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Features.Initiatives;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.RealityChecks;

/// <summary>One reality check: every member answers (and may change the answer), the coordinator closes it, and a
/// proposed change to the platform goes on to the members' decision by consent.</summary>
public class DetailsModel(AppDbContext db, IAuthorizationService auth, PlatformLifecycle lifecycle, Consent consent, TimeProvider clock, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed record AnswerRow(int PersonId, string Name, string? GoalProgress, string? Participation, string? Obstacles, bool NeedsSparring, ProposedChange ProposedChange, DateTimeOffset At);
    public sealed record Choice(int Id, string Name);

    public RealityCheck Check { get; private set; } = null!;
    public DevelopmentPlatform Platform { get; private set; } = null!;
    public IReadOnlyList<AnswerRow> Answers { get; private set; } = [];
    public IReadOnlyList<string> NotAnswered { get; private set; } = [];
    public IReadOnlyList<(string Title, string Summary)> GoalLines { get; private set; } = [];
    public IReadOnlyList<Choice> MergeTargets { get; private set; } = [];
    public int? MyPersonId { get; private set; }
    public bool CanAnswer { get; private set; }
    public bool CanClose { get; private set; }

    [BindProperty] public string? GoalProgress { get; set; }
    [BindProperty] public string? Participation { get; set; }
    [BindProperty] public string? Obstacles { get; set; }
    [BindProperty] public bool NeedsSparring { get; set; }
    [BindProperty] public ProposedChange ProposedChange { get; set; } = ProposedChange.Continue;
    [BindProperty] public string? Summary { get; set; }
    [BindProperty] public ProposedChange? Outcome { get; set; }
    [BindProperty] public int? MergeIntoId { get; set; }

    public async Task<IActionResult> OnGetAsync(int id) => await LoadAsync(id, fill: true) ?? Page();

    public async Task<IActionResult> OnPostAnswerAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false) is { } refused) return refused;
        if (!CanAnswer || MyPersonId is not int me) return this.Refuse();
        if (Check.ClosedAt is not null) return this.Problem(l["Realitetstjekket er afsluttet."]);
        if (!Enum.IsDefined(ProposedChange)) ModelState.AddModelError(nameof(ProposedChange), l["Vælg, hvad I bør gøre."]);
        foreach (var (key, value) in new[] { (nameof(GoalProgress), GoalProgress), (nameof(Participation), Participation), (nameof(Obstacles), Obstacles) })
        {
            if (value?.Length > 4000) ModelState.AddModelError(key, l["Feltet må højst være 4000 tegn."]);
        }
        if (string.IsNullOrWhiteSpace(GoalProgress) && string.IsNullOrWhiteSpace(Participation) && string.IsNullOrWhiteSpace(Obstacles))
        {
            ModelState.AddModelError(nameof(GoalProgress), l["Skriv mindst ét svar, fx om fremdriften på målene."]);
        }
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var answer = await db.RealityCheckAnswers.SingleOrDefaultAsync(a => a.RealityCheckId == id && a.PersonId == me, cancellationToken: ct);
        var edited = answer is not null;
        answer ??= db.RealityCheckAnswers.Add(new RealityCheckAnswer { RealityCheckId = id, PersonId = me, AnsweredAt = now }).Entity;
        answer.GoalProgress = Trim(GoalProgress);
        answer.Participation = Trim(Participation);
        answer.Obstacles = Trim(Obstacles);
        answer.NeedsSparring = NeedsSparring;
        answer.ProposedChange = ProposedChange;
        if (edited) answer.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return this.Problem(l["Dit svar blev gemt samtidig et andet sted. Genindlæs siden."]);
        }
        TempData["Success"] = edited ? l["Dit svar er opdateret."].Value : l["Tak for dit svar."].Value;
        return Redirect($"/realitetstjek/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false) is { } refused) return refused;
        if (!CanClose) return this.Refuse();
        if (Check.ClosedAt is not null) return this.Problem(l["Realitetstjekket er afsluttet."]);
        if (Outcome is not { } outcome || !Enum.IsDefined(outcome)) ModelState.AddModelError(nameof(Outcome), l["Vælg, hvad realitetstjekket fører til."]);
        if (string.IsNullOrWhiteSpace(Summary)) ModelState.AddModelError(nameof(Summary), l["Skriv en kort opsamling."]);
        else if (Summary.Length > 4000) ModelState.AddModelError(nameof(Summary), l["Feltet må højst være 4000 tegn."]);
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var check = await db.RealityChecks.SingleAsync(c => c.Id == id, cancellationToken: ct);
        check.ClosedAt = now;
        check.Summary = Summary!.Trim();
        check.Outcome = Outcome;
        var kind = Outcome switch
        {
            RealityChecks.ProposedChange.Standby => ProposalKind.Standby,
            RealityChecks.ProposedChange.Close => ProposalKind.Close,
            RealityChecks.ProposedChange.Merge => ProposalKind.Merge,
            _ => (ProposalKind?)null,
        };
        var message = l["Realitetstjekket er afsluttet."].Value;
        if (kind is { } k && MyPersonId is int proposer)
        {
            var platform = await db.Platforms.SingleAsync(p => p.Id == Platform.Id, cancellationToken: ct);
            var change = new PlatformChange(k, check.Summary, MergeIntoId: k == ProposalKind.Merge ? MergeIntoId : null);
            if (await lifecycle.CheckAsync(platform, change, ct) is { } problem)
            {
                ModelState.AddModelError(nameof(Outcome), l[problem]);
                return Page();
            }
            // The proposed change flows into the platform's decision by consent; nobody decides it alone.
            var proposal = new ChangeProposal
            {
                PlatformId = Platform.Id,
                Kind = k,
                Reason = check.Summary,
                MergeIntoId = change.MergeIntoId,
                ProposedById = proposer,
                ProposedAt = now,
                Source = $"realitetstjek {now:dd-MM-yyyy}",
            };
            proposal.Responses.Add(new ProposalResponse { PersonId = proposer, Agrees = true, At = now });
            db.ChangeProposals.Add(proposal);
            await db.SaveChangesAsync(ct);
            check.ProposalId = proposal.Id;
            await consent.TryDecideAsync(proposal, User, ct);
            message = l["Realitetstjekket er afsluttet, og forslaget er sendt til platformens medlemmer."].Value;
        }
        db.Append(User, now, Platform.InitiativeId, Platform.Id, TimelineEvents.Event("realitycheck.closed", "realitycheck.closed", Platform.Name, RealityCheckText.Change(Outcome!.Value)), check.Summary);
        await db.SaveChangesAsync(ct);
        TempData["Success"] = message;
        return Redirect($"/realitetstjek/{id}");
    }

    public async Task<IActionResult> OnPostRemindAsync(int id, [FromServices] Infrastructure.Mail.MailOutbox outbox, [FromServices] Infrastructure.Web.LinkBuilder links, CancellationToken ct)
    {
        if (await LoadAsync(id, fill: false) is { } refused) return refused;
        if (!CanClose) return this.Refuse();
        if (Check.ClosedAt is not null) return this.Problem(l["Realitetstjekket er afsluttet."]);
        var day = clock.GetUtcNow().ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var answered = Answers.Select(a => a.PersonId).ToList();
        var waiting = await db.PlatformMembers.Where(m => m.PlatformId == Platform.Id && m.LeftOn == null && m.Person!.Email != null && !answered.Contains(m.PersonId))
            .Select(m => new { m.PersonId, m.Person!.Name, m.Person.Email }).ToListAsync(ct);
        var queued = 0;
        foreach (var m in waiting)
        {
            var key = $"realitycheck:{id}:person:{m.PersonId}:reminder:{day}";
            if (await outbox.ExistsAsync(key, ct)) continue;
            var (text, html) = Infrastructure.Mail.MailTemplates.ActionMail(l["Hej {0}", m.Name].Value, [l["Vi mangler dit svar på realitetstjekket på {0}.", Platform.Name].Value],
                l["Svar på realitetstjekket"].Value, links.Absolute($"/realitetstjek/{id}"), l["Samskab – samskabelse i den offentlige sektor"].Value);
            outbox.Enqueue(new Infrastructure.Mail.OutgoingMail(m.Email!, m.Name, l["Påmindelse: realitetstjek på {0}", Platform.Name].Value, text, html, "RealityCheckReminder", key));
            queued++;
        }
        await outbox.SaveIgnoringDuplicatesAsync(ct);
        TempData["Success"] = queued == 0 ? l["Der er ingen at minde om i dag – alle har svaret eller fået en påmindelse i dag."].Value : l["{0} har fået en påmindelse.", queued].Value;
        return Redirect($"/realitetstjek/{id}");
    }

    private static string? Trim(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();


    private async Task<IActionResult?> LoadAsync(int id, bool fill)
    {
        var check = await db.RealityChecks.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id);
        if (check is null) return NotFound();
        var platform = await db.Platforms.AsNoTracking().SingleAsync(p => p.Id == check.PlatformId);
        var scope = AccessScope.ForPlatform(platform.InitiativeId, platform.Id);
        if (!await this.CanAsync(auth, scope, Operation.ViewPlatform)) return this.Refuse();
        (Check, Platform) = (check, platform);
        CanAnswer = await this.CanAsync(auth, scope, Operation.EditPlatformContent);
        CanClose = await this.CanAsync(auth, scope, Operation.StartRealityCheck);
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        MyPersonId = await db.PlatformMembers.Where(m => m.PlatformId == platform.Id && m.LeftOn == null && m.Person!.UserId == userId).Select(m => (int?)m.PersonId).FirstOrDefaultAsync()
            ?? await db.People.Where(p => p.UserId == userId).Select(p => (int?)p.Id).FirstOrDefaultAsync();
        var answers = await db.RealityCheckAnswers.Where(a => a.RealityCheckId == id)
            .Join(db.People, a => a.PersonId, p => p.Id, (a, p) => new AnswerRow(a.PersonId, p.Name, a.GoalProgress, a.Participation, a.Obstacles, a.NeedsSparring, a.ProposedChange, a.UpdatedAt ?? a.AnsweredAt))
            .ToListAsync();
        Answers = answers.OrderBy(a => a.Name, StringComparer.CurrentCulture).ToList();
        var answered = Answers.Select(a => a.PersonId).ToHashSet();
        NotAnswered = (await db.PlatformMembers.Where(m => m.PlatformId == platform.Id && m.LeftOn == null).Select(m => new { m.PersonId, m.Person!.Name }).ToListAsync())
            .Where(m => !answered.Contains(m.PersonId)).Select(m => m.Name).Order(StringComparer.CurrentCulture).ToList();
        var goals = await db.Goals.AsNoTracking().Include(g => g.Measurements).Where(g => g.PlatformId == platform.Id).ToListAsync();
        GoalLines = goals.Select(g => (g.Title, g.Kind == Goals.GoalKind.Quantitative && g.HasBaseline
            ? l["baseline {0}, seneste {1}", Goals.GoalInput.Format(g.BaselineValue), g.Measurements.OrderBy(m => m.MeasuredOn).LastOrDefault() is { } m ? Goals.GoalInput.Format(m.Value) : "–"].Value
            : l[Goals.GoalText.Status(g.Status)].Value)).ToList();
        MergeTargets = await db.Platforms.Where(p => p.InitiativeId == platform.InitiativeId && p.Id != platform.Id && (p.Status == PlatformStatus.Active || p.Status == PlatformStatus.Standby))
            .OrderBy(p => p.Name).Select(p => new Choice(p.Id, p.Name)).ToListAsync();
        if (fill && Answers.FirstOrDefault(a => a.PersonId == MyPersonId) is { } mine)
        {
            (GoalProgress, Participation, Obstacles, NeedsSparring, ProposedChange) = (mine.GoalProgress, mine.Participation, mine.Obstacles, mine.NeedsSparring, mine.ProposedChange);
        }
        return null;
    }
}
