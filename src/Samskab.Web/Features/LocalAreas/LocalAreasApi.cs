using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.Participation;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Features.LocalAreas;

/// <summary>
/// The areas and their requests as JSON: the Samskab API (<c>/api/v1/local-areas</c>) and Open311 GeoReport v2,
/// read-only (<c>/open311/v2</c>). Public, as the pages are: never an e-mail address, never a requester's name.
/// </summary>
public static class LocalAreasApi
{
    public sealed record AreaSummary(int Id, string Name, string? Description, IReadOnlyList<string> Places, int OpenRequests);
    public sealed record AreaDetail(int Id, string Name, string? Description, IReadOnlyList<string> Places, string? Forum, string? ForumContact,
        IReadOnlyList<string> BridgeBuilders, int OpenRequests, int Requests);
    public sealed record RequestItem(int Id, string Title, string Text, string Category, string State, bool Closed, string? Answer, string? Department,
        DateOnly? Expected, DateOnly AnswerDue, bool Overdue, DateTimeOffset Created, DateTimeOffset Updated, int Reopened);
    public sealed record RequestPage(IReadOnlyList<RequestItem> Items, int? Next);

    /// <summary>Open311's fields, in its snake_case.</summary>
    public sealed record Service(string ServiceCode, string ServiceName, string Description, bool Metadata, string Type, string Keywords, string Group);
    public sealed record ServiceRequest(string ServiceRequestId, string Status, string? StatusNotes, string ServiceName, string ServiceCode, string Description,
        string? AgencyResponsible, string? ServiceNotice, string RequestedDatetime, string UpdatedDatetime, string? ExpectedDatetime, string Address,
        string? AddressId, string? Zipcode, double? Lat, [property: System.Text.Json.Serialization.JsonPropertyName("long")] double? Longitude, string? MediaUrl, IReadOnlyDictionary<string, object?> ExtendedAttributes);
    public sealed record Open311Error(int Code, string Description);

    public const int Open311Max = 1000;
    public const int Open311DefaultPageSize = 200;

    private static readonly JsonSerializerOptions Open311Json = new(JsonSerializerDefaults.Web) { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    public static void MapLocalAreasApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1").WithTags("Samskab").DisableAntiforgery().AllowAnonymous();

        api.MapGet("/local-areas", async (AppDbContext db) =>
        {
            var rows = await db.LocalAreas.OrderBy(a => a.Name).Take(500)
                .Select(a => new { a.Id, a.Name, a.Description, a.Places, Open = db.AreaRequests.Count(r => r.AreaId == a.Id && r.ClosedAt == null) })
                .ToListAsync();
            return rows.Select(a => new AreaSummary(a.Id, a.Name, a.Description, AreaRules.PlaceList(a.Places), a.Open)).ToList();
        }).WithName("ListLocalAreas").WithSummary("Local areas (public)");

        api.MapGet("/local-areas/{id:int}", async (int id, AppDbContext db) =>
        {
            var a = await db.LocalAreas.Where(x => x.Id == id)
                .Select(x => new
                {
                    x.Id,
                    x.Name,
                    x.Description,
                    x.Places,
                    x.ForumName,
                    x.ForumContact,
                    Bridge = x.BridgeBuilders.OrderBy(b => b.AddedAt).Join(db.Users, b => b.UserId, u => u.Id, (b, u) => u.DisplayName).ToList(),
                    Open = db.AreaRequests.Count(r => r.AreaId == x.Id && r.ClosedAt == null),
                    All = db.AreaRequests.Count(r => r.AreaId == x.Id),
                })
                .SingleOrDefaultAsync();
            return a is null
                ? Results.NotFound()
                : Results.Ok(new AreaDetail(a.Id, a.Name, a.Description, AreaRules.PlaceList(a.Places), a.ForumName, a.ForumContact, a.Bridge, a.Open, a.All));
        }).WithName("GetLocalArea").Produces<AreaDetail>();

        api.MapGet("/local-areas/{id:int}/requests", async (int id, int? after, string? state, AppDbContext db, TimeProvider clock) =>
        {
            if (!await db.LocalAreas.AnyAsync(a => a.Id == id)) return Results.NotFound();
            var today = clock.Today();
            var q = db.AreaRequests.Where(r => r.AreaId == id);
            if (Enum.TryParse<RequestState>(state, ignoreCase: true, out var s) && Enum.IsDefined(s)) q = q.Where(r => r.State == s);
            if (after is int a) q = q.Where(r => r.Id < a);
            var page = await q.OrderByDescending(r => r.Id).Take(AreaRules.PageSize + 1)
                .Select(r => new { r.Id, r.Title, r.Text, r.Category, r.State, r.LatestAnswer, r.Department, r.ExpectedOn, r.AnswerDueOn, r.FirstAnsweredAt, r.CreatedAt, r.UpdatedAt, r.ReopenCount })
                .ToListAsync();
            int? next = null;
            if (page.Count > AreaRules.PageSize)
            {
                page.RemoveAt(page.Count - 1);
                next = page[^1].Id;
            }
            return Results.Ok(new RequestPage(page.Select(r => new RequestItem(r.Id, r.Title, r.Text, r.Category.ToString(), r.State.ToString(),
                r.State is RequestState.Done or RequestState.ClosedNotDone, r.LatestAnswer, r.Department, r.ExpectedOn, r.AnswerDueOn,
                AreaRules.IsOverdue(r.State, r.FirstAnsweredAt, r.AnswerDueOn, today), r.CreatedAt, r.UpdatedAt, r.ReopenCount)).ToList(), next));
        }).WithName("ListLocalAreaRequests").WithSummary("An area's requests, newest first; state = Received | InDialogue | PassedOn | Planned | Done | ClosedNotDone; after = the previous page's next").Produces<RequestPage>();

        var open311 = app.MapGroup("/open311/v2").WithTags("Open311").DisableAntiforgery().AllowAnonymous();

        open311.MapGet("/services.json", () => Results.Json(AreaRules.Categories.Select(c => new Service(AreaRules.ServiceCode(c), AreaRules.Category(c),
            AreaRules.Category(c), false, "batch", "", "henvendelser")).ToList(), Open311Json))
            .WithName("Open311Services").WithSummary("Open311 GeoReport v2: the request categories");

        open311.MapGet("/requests.json", async (HttpRequest http, AppDbContext db, LinkBuilder links, TimeProvider clock) =>
        {
            var query = http.Query;
            var q = db.AreaRequests.AsQueryable();
            if (query.TryGetValue("service_request_id", out var ids))
            {
                var list = ids.ToString().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(Open311Max)
                    .Select(x => int.TryParse(x, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).Where(n => n > 0).ToList();
                q = q.Where(r => list.Contains(r.Id));
            }
            else
            {
                if (query.TryGetValue("service_code", out var codes))
                {
                    var wanted = codes.ToString().Split(',', StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
                    var categories = AreaRules.Categories.Where(c => wanted.Contains(AreaRules.ServiceCode(c))).ToList();
                    q = q.Where(r => categories.Contains(r.Category));
                }
                if (query.TryGetValue("status", out var status))
                {
                    var st = status.ToString().Split(',', StringSplitOptions.TrimEntries);
                    var open = st.Contains("open");
                    var closed = st.Contains("closed");
                    if (open != closed)
                    {
                        q = open
                            ? q.Where(r => r.ClosedAt == null)
                            : q.Where(r => r.ClosedAt != null);
                    }
                    else if (!open)
                    {
                        return Error(400, "status must be open or closed");
                    }
                }
                DateTimeOffset? start = null, end = null;
                if (query.TryGetValue("start_date", out var sd))
                {
                    if (!DateTimeOffset.TryParse(sd, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v)) return Error(400, "start_date must be a W3C date and time, e.g. 2026-11-01T00:00:00Z");
                    start = v;
                }
                if (query.TryGetValue("end_date", out var ed))
                {
                    if (!DateTimeOffset.TryParse(ed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var v)) return Error(400, "end_date must be a W3C date and time, e.g. 2026-12-01T00:00:00Z");
                    end = v;
                }
                // The standard: without dates, the last 90 days.
                if (start is null && end is null) start = clock.GetUtcNow().AddDays(-90);
                if (start is DateTimeOffset from) q = q.Where(r => r.CreatedAt >= from);
                if (end is DateTimeOffset to) q = q.Where(r => r.CreatedAt <= to);
            }
            var pageSize = int.TryParse(query["page_size"], NumberStyles.None, CultureInfo.InvariantCulture, out var ps) ? Math.Clamp(ps, 1, Open311Max) : Open311DefaultPageSize;
            var page = int.TryParse(query["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? Math.Clamp(p, 1, 10_000) : 1;
            var rows = await q.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Skip((page - 1) * pageSize).Take(pageSize).Select(Projection(db)).ToListAsync();
            return Results.Json(rows.Select(r => ToOpen311(r, links)).ToList(), Open311Json);
        }).WithName("Open311Requests").WithSummary("Open311 GeoReport v2: requests; service_request_id, service_code, status (open|closed), start_date, end_date; page and page_size (up to 1000) as extensions");

        open311.MapGet("/requests/{id}.json", async (string id, AppDbContext db, LinkBuilder links) =>
        {
            if (!int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return Error(404, "No request with that id");
            var row = await db.AreaRequests.Where(r => r.Id == n).Select(Projection(db)).SingleOrDefaultAsync();
            return row is null ? Error(404, "No request with that id") : Results.Json(new[] { ToOpen311(row, links) }, Open311Json);
        }).WithName("Open311Request").WithSummary("Open311 GeoReport v2: one request");
    }

    public sealed record Row(int Id, string Title, string Text, RequestCategory Category, RequestState State, string? LatestAnswer, string? Department,
        DateOnly? ExpectedOn, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, string? ImageKey, int AreaId, string AreaName, int ReopenCount);

    private static System.Linq.Expressions.Expression<Func<AreaRequest, Row>> Projection(AppDbContext db) => r => new Row(r.Id, r.Title, r.Text, r.Category, r.State,
        r.LatestAnswer, r.Department, r.ExpectedOn, r.CreatedAt, r.UpdatedAt, r.ImageKey, r.AreaId, db.LocalAreas.Where(a => a.Id == r.AreaId).Select(a => a.Name).First(), r.ReopenCount);

    private static ServiceRequest ToOpen311(Row r, LinkBuilder links) => new(
        r.Id.ToString(CultureInfo.InvariantCulture),
        r.State is RequestState.Done or RequestState.ClosedNotDone ? "closed" : "open",
        r.LatestAnswer,
        AreaRules.Category(r.Category),
        AreaRules.ServiceCode(r.Category),
        r.Title + "\n\n" + r.Text,
        r.State == RequestState.PassedOn || r.Department is not null ? r.Department : null,
        null,
        W3C(r.CreatedAt),
        W3C(r.UpdatedAt),
        r.ExpectedOn is DateOnly e ? W3C(new DateTimeOffset(e.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero)) : null,
        r.AreaName,
        null, null, null, null,
        r.ImageKey is null ? null : links.Absolute($"/billeder/{r.ImageKey}-stor.jpg"),
        new Dictionary<string, object?>
        {
            ["samskab_state"] = StateCode(r.State),
            ["local_area_id"] = r.AreaId,
            ["reopened"] = r.ReopenCount,
            ["url"] = links.Absolute($"/henvendelser/{r.Id}"),
        });

    public static string StateCode(RequestState state) => state switch
    {
        RequestState.Received => "received",
        RequestState.InDialogue => "in_dialogue",
        RequestState.PassedOn => "passed_on",
        RequestState.Planned => "planned",
        RequestState.Done => "done",
        _ => "closed_not_done",
    };

    private static string W3C(DateTimeOffset at) => at.ToDanish().ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static IResult Error(int code, string description) => Results.Json(new[] { new Open311Error(code, description) }, Open311Json, statusCode: code);
}
