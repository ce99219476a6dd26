using Microsoft.EntityFrameworkCore;
using Samskab.Web.Features.LocalAreas;

namespace Samskab.Tests.Infrastructure;

/// <summary>Builders for local areas with their bridge builders (the demo's two bridge builder accounts).</summary>
public static class GivenLocalAreas
{
    public const string BridgeBuilderEmail = "brobygger@demo.samskab.dk";
    public const string SecondBridgeBuilderEmail = "brobygger2@demo.samskab.dk";

    /// <summary>An area of its own, with the given bridge builders (by e-mail) in that order.</summary>
    public static Task<int> AreaAsync(this SamskabFactory factory, string name, string places = "", params string[] bridgeBuilders) =>
        factory.WithDbAsync(async db =>
        {
            var area = new LocalArea { Name = name, Places = places, ForumName = name + " Lokalråd", CreatedAt = DateTimeOffset.UtcNow };
            db.LocalAreas.Add(area);
            await db.SaveChangesAsync();
            var n = 0;
            foreach (var email in bridgeBuilders)
            {
                var user = await db.Users.SingleAsync(u => u.Email == email);
                db.AreaBridgeBuilders.Add(new AreaBridgeBuilder { AreaId = area.Id, UserId = user.Id, AddedAt = DateTimeOffset.UtcNow.AddMinutes(n++) });
            }
            await db.SaveChangesAsync();
            return area.Id;
        });

    public static Task<AreaRequest> RequestAsync(this SamskabFactory factory, int requestId) =>
        factory.WithDbAsync(db => db.AreaRequests.AsNoTracking().SingleAsync(r => r.Id == requestId));
}
