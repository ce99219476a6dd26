using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Localization;

namespace Samskab.Web.Features.Participation;

/// <summary>Creating or editing a campaign: the theme and question, the dates, the moderation, the initiative it feeds.</summary>
public class EditCampaignModel(AppDbContext db, IAuthorizationService auth, TimeProvider clock, Samskab.Web.Features.LocalAreas.AreaDigest digest, IStringLocalizer<SharedResource> l) : PageModel
{
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Skriv temaet.")]
        [StringLength(200, ErrorMessage = "Temaet må højst være 200 tegn.")]
        public string Theme { get; set; } = "";

        [Required(ErrorMessage = "Skriv spørgsmålet, borgerne skal svare på.")]
        [StringLength(500, ErrorMessage = "Spørgsmålet må højst være 500 tegn.")]
        public string Question { get; set; } = "";

        [StringLength(4000, ErrorMessage = "Beskrivelsen må højst være 4000 tegn.")]
        public string? Description { get; set; }

        [Required(ErrorMessage = "Skriv, hvem der spørger (fx kommunens navn).")]
        [StringLength(200, ErrorMessage = "Navnet må højst være 200 tegn.")]
        public string OrganisationName { get; set; } = "";

        [Required(ErrorMessage = "Vælg, hvornår indsamlingen åbner.")]
        public DateOnly? OpensOn { get; set; }

        [Required(ErrorMessage = "Vælg, hvornår indsamlingen lukker.")]
        public DateOnly? ClosesOn { get; set; }

        public int? InitiativeId { get; set; }

        /// <summary>The local area the campaign asks (issue 14); its forum and followers hear of it.</summary>
        public int? LocalAreaId { get; set; }
        public ModerationMode Moderation { get; set; } = ModerationMode.AfterPublication;

        [Range(1, 50, ErrorMessage = "Antallet af anmeldelser skal være mellem 1 og 50.")]
        public int ReportThreshold { get; set; } = 3;

        public CampaignType Type { get; set; } = CampaignType.IdeaBoard;

        /// <summary>A competition's public vote.</summary>
        public DateOnly? VoteOpensOn { get; set; }
        public DateOnly? VoteClosesOn { get; set; }
    }

    public sealed record Choice(int Id, string Name);

    [BindProperty]
    public InputModel Input { get; set; } = new();
    public int? Id { get; private set; }
    public IReadOnlyList<Choice> Initiatives { get; private set; } = [];

    /// <summary>The type is chosen until the first contribution; after that the contributions fix it.</summary>
    public bool TypeFixed { get; private set; }
    public IReadOnlyList<Choice> Areas { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        var (campaign, refused) = await LoadAsync(id, ct);
        if (refused is not null) return refused;
        if (campaign is null)
        {
            var today = clock.Today();
            Input.OpensOn = today;
            Input.ClosesOn = today.AddDays(42);
            Input.OrganisationName = "";
        }
        else
        {
            Input = new InputModel
            {
                Theme = campaign.Theme,
                Question = campaign.Question,
                Description = campaign.Description,
                OrganisationName = campaign.OrganisationName,
                OpensOn = campaign.OpensOn,
                ClosesOn = campaign.ClosesOn,
                InitiativeId = campaign.InitiativeId,
                LocalAreaId = campaign.LocalAreaId,
                Moderation = campaign.Moderation,
                ReportThreshold = campaign.ReportThreshold,
                Type = campaign.Type,
                VoteOpensOn = campaign.VoteOpensOn,
                VoteClosesOn = campaign.VoteClosesOn,
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        var (campaign, refused) = await LoadAsync(id, ct);
        if (refused is not null) return refused;
        if (Input.OpensOn is DateOnly o && Input.ClosesOn is DateOnly c && c < o)
        {
            ModelState.AddModelError("Input.ClosesOn", l["Indsamlingen kan ikke lukke, før den åbner."]);
        }
        if (!Enum.IsDefined(Input.Moderation))
        {
            ModelState.AddModelError("Input.Moderation", l["Vælg, hvornår bidrag modereres."]);
        }
        if (TypeFixed) Input.Type = campaign!.Type;
        if (!Enum.IsDefined(Input.Type))
        {
            ModelState.AddModelError("Input.Type", l["Vælg, hvilken slags indsamling det er."]);
        }
        if (Input.Type == CampaignType.Competition)
        {
            if (Input.VoteOpensOn is null || Input.VoteClosesOn is null)
            {
                ModelState.AddModelError("Input.VoteOpensOn", l["En konkurrence skal have datoer for afstemningen."]);
            }
            else if (Input.VoteClosesOn < Input.VoteOpensOn)
            {
                ModelState.AddModelError("Input.VoteClosesOn", l["Afstemningen kan ikke slutte, før den begynder."]);
            }
            else if (Input.OpensOn is DateOnly from && Input.VoteOpensOn < from)
            {
                ModelState.AddModelError("Input.VoteOpensOn", l["Afstemningen kan ikke begynde, før konkurrencen åbner."]);
            }
        }
        else
        {
            Input.VoteOpensOn = Input.VoteClosesOn = null;
        }
        if (Input.InitiativeId is int iid && !Initiatives.Any(i => i.Id == iid))
        {
            ModelState.AddModelError("Input.InitiativeId", l["Vælg et af de initiativer, du er med i."]);
        }
        if (Input.LocalAreaId is int aid && !Areas.Any(a => a.Id == aid))
        {
            ModelState.AddModelError("Input.LocalAreaId", l["Vælg et af de lokalområder, du kan spørge."]);
        }
        if (!ModelState.IsValid) return Page();
        var now = clock.GetUtcNow();
        var announce = Input.LocalAreaId is not null && Input.LocalAreaId != campaign?.LocalAreaId;
        if (campaign is null)
        {
            campaign = new Campaign { Type = Input.Type, Theme = "", Question = "", OrganisationName = "", CreatedAt = now, CreatedByUserId = User.FindFirstValue(ClaimTypes.NameIdentifier) };
            campaign.Managers.Add(new CampaignManager { UserId = User.FindFirstValue(ClaimTypes.NameIdentifier)!, AddedAt = now });
            db.Campaigns.Add(campaign);
        }
        campaign.Theme = Input.Theme.Trim();
        campaign.Question = Input.Question.Trim();
        campaign.Description = string.IsNullOrWhiteSpace(Input.Description) ? null : Input.Description.Trim();
        campaign.OrganisationName = Input.OrganisationName.Trim();
        campaign.OpensOn = Input.OpensOn!.Value;
        campaign.ClosesOn = Input.ClosesOn!.Value;
        campaign.InitiativeId = Input.InitiativeId;
        campaign.LocalAreaId = Input.LocalAreaId;
        campaign.Moderation = Input.Moderation;
        campaign.ReportThreshold = Input.ReportThreshold;
        campaign.Type = Input.Type;
        campaign.VoteOpensOn = Input.VoteOpensOn;
        campaign.VoteClosesOn = Input.VoteClosesOn;
        await db.SaveChangesAsync(ct);
        var announced = announce ? await digest.AnnounceCampaignAsync(campaign.Id, ct) : 0;
        TempData["Success"] = (id is null ? l["Indsamlingen er oprettet."].Value : l["Indsamlingen er gemt."].Value)
            + (announce ? " " + l.Plural(announced, "{0} modtager i lokalområdet har fået besked.", "{0} modtagere i lokalområdet har fået besked.").Value : "");
        return Redirect($"/indsamlinger/{campaign.Id}");
    }

    private async Task<(Campaign?, IActionResult?)> LoadAsync(int? id, CancellationToken ct)
    {
        Campaign? campaign = null;
        if (id is int cid)
        {
            campaign = await db.Campaigns.SingleOrDefaultAsync(c => c.Id == cid, ct);
            if (campaign is null) return (null, NotFound());
            if (!await this.CanAsync(auth, AccessScope.ForCampaign(cid), Operation.ManageCampaign)) return (null, this.Refuse());
            Id = cid;
            TypeFixed = await db.Ideas.AnyAsync(i => i.CampaignId == cid, ct);
        }
        else if (!await this.CanAsync(auth, AccessScope.Site, Operation.CreateCampaign))
        {
            return (null, this.Refuse());
        }
        // A campaign can feed an initiative the person takes part in (administrators: any), never another's.
        var userId = User.FindFirstValue(ClaimTypes.NameIdentifier);
        var admin = User.IsInRole(RoleNames.Administrator);
        Initiatives = await db.Initiatives
            .Where(i => admin || i.Members.Any(m => m.Person!.UserId == userId) || (campaign != null && i.Id == campaign.InitiativeId))
            .OrderBy(i => i.Title).Select(i => new Choice(i.Id, i.Title)).ToListAsync(ct);
        // Any area for administrators and campaign managers; a bridge builder asks their own areas.
        var allAreas = admin || User.IsInRole(RoleNames.CampaignManager);
        Areas = await db.LocalAreas
            .Where(a => allAreas || a.BridgeBuilders.Any(b => b.UserId == userId) || (campaign != null && a.Id == campaign.LocalAreaId))
            .OrderBy(a => a.Name).Select(a => new Choice(a.Id, a.Name)).ToListAsync(ct);
        return (campaign, null);
    }
}
