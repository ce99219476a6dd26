using System.Net;
using System.Net.Http.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Samskab.Tests.Infrastructure;
using Samskab.Web.Features.CoreTask;
using Xunit;

namespace Samskab.Tests.Features.CoreTask;

/// <summary>Photo safari and the future bus: photos through the shared image pipeline, rides with stops, the dialogue
/// at each stop beside the photos taken on the way to it.</summary>
public class CoreTaskPhotoTests(SamskabFactory factory) : IClassFixture<SamskabFactory>
{
    private static string Token(AppClient.Result page) => page.Document.QuerySelector("meta[name='request-verification-token']")!.GetAttribute("content")!;

    [Fact]
    public async Task ARide_HasStops_PhotosOnTheWayToAStop_AreStrippedOfTheirMetadata_AndTheDialogueIsNotedBesideThem()
    {
        var id = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Børnehuset Kløveren");
        var other = await factory.ProcessAsync(GivenCoreTask.AnchorEmail, "Jobcenter Nord");
        var otherRide = await factory.WithDbAsync(async db =>
        {
            var ride = new CoreTaskBusRide { ProcessId = other, Title = "Anden tur", RideOn = new DateOnly(2026, 11, 3), CreatedAt = DateTimeOffset.UtcNow };
            ride.Stops.Add(new CoreTaskBusStop { Place = "Rådhuset", CreatedAt = DateTimeOffset.UtcNow });
            db.CoreTaskBusRides.Add(ride);
            await db.SaveChangesAsync();
            return (ride.Id, Stop: ride.Stops[0].Id);
        });
        using var anne = await factory.SignedInAsync(GivenCoreTask.AnchorEmail);

        var bus = await anne.GetAsync($"/kerneopgave/{id}/fremtidsbussen");
        Assert.Contains("Der er ingen ture endnu.", bus.Text);
        var noTitle = await anne.SubmitAsync(bus.Document, "form[action$='handler=Ride']", new Dictionary<string, string> { ["Ride.RideOn"] = "2026-11-20" });
        Assert.Contains("Giv turen et navn.", noTitle.Text);
        var created = await anne.SubmitAsync(bus.Document, "form[action$='handler=Ride']", new Dictionary<string, string> { ["Ride.Title"] = "Tur med forældrebestyrelsen", ["Ride.RideOn"] = "2026-11-20" });
        Assert.Contains("Turen er oprettet", created.Text);
        var ride = await factory.WithDbAsync(db => db.CoreTaskBusRides.Where(r => r.ProcessId == id).Select(r => r.Id).SingleAsync());

        var stopForm = $"#tur-{ride} form[action$='handler=Stop']";
        var noPlace = await anne.SubmitAsync(created.Document, stopForm, new Dictionary<string, string> { ["Stop.At"] = "10:15" });
        Assert.Contains("Skriv, hvor bussen holder.", noPlace.Document.QuerySelector($"#tur-{ride}")!.TextContent);
        Assert.NotNull(noPlace.Document.QuerySelector($".error-summary a[href='#place-{ride}'], a[href='#place-{ride}']"));
        Assert.Equal("10:15", noPlace.Document.QuerySelector<IHtmlInputElement>($"#at-{ride}")!.Value);
        var stopped = await anne.SubmitAsync(created.Document, stopForm, new Dictionary<string, string> { ["Stop.Place"] = "Legepladsen ved søen", ["Stop.At"] = "10:15" });
        Assert.Contains("Stop 1: Legepladsen ved søen", stopped.Text);
        var stop = await factory.WithDbAsync(db => db.CoreTaskBusStops.Where(s => s.RideId == ride).Select(s => s.Id).SingleAsync());

        // A ride or stop of another process is not found here.
        var foreignRide = await anne.PostRawAsync($"/kerneopgave/{id}/fremtidsbussen?handler=Stop",
            [new("__RequestVerificationToken", Token(stopped)), new("Stop.RideId", $"{otherRide.Id}"), new("Stop.Place", "Indbrud")]);
        Assert.Equal(HttpStatusCode.NotFound, foreignRide.Status);
        var foreignStop = await anne.PostRawAsync($"/kerneopgave/{id}/fremtidsbussen?handler=Dialogue",
            [new("__RequestVerificationToken", Token(stopped)), new("Note.StopId", $"{otherRide.Stop}"), new("Note.Dialogue", "Indbrud")]);
        Assert.Equal(HttpStatusCode.NotFound, foreignStop.Status);
        Assert.Null(await factory.WithDbAsync(db => db.CoreTaskBusStops.Where(s => s.Id == otherRide.Stop).Select(s => s.Dialogue).SingleAsync()));

        // From the stop, the photo form opens with the stop chosen.
        var material = await anne.GetAsync($"/kerneopgave/{id}/materiale?stop={stop}");
        Assert.True(material.Document.QuerySelector<IHtmlDetailsElement>("details#foto")!.IsOpen);
        Assert.Equal($"{stop}", material.Document.QuerySelector<IHtmlSelectElement>("#Photo_BusStopId")!.Value);
        var photoForm = "form[action$='handler=Photo']";
        var noCaption = await anne.SubmitFileAsync(material.Document, photoForm, "Photo.File", GivenParticipation.SidewaysJpegWithGps(), "IMG_1.JPG");
        Assert.Contains("Skriv, hvad der betyder noget for dig her.", noCaption.Text);
        var notAPhoto = await anne.SubmitFileAsync(material.Document, photoForm, "Photo.File", "ikke et billede"u8.ToArray(), "x.jpg",
            new Dictionary<string, string> { ["Photo.Caption"] = "Bænken ved søen" });
        Assert.Contains("Filen er ikke et billede, vi kan læse.", notAPhoto.Text);
        Assert.Equal("Bænken ved søen", notAPhoto.Document.QuerySelector("#Photo_Caption")!.TextContent);
        Assert.Equal(0, await factory.WithDbAsync(db => db.CoreTaskMaterials.CountAsync(m => m.ProcessId == id)));
        var foreignStopPhoto = await anne.SubmitFileAsync(material.Document, photoForm, "Photo.File", GivenParticipation.SidewaysJpegWithGps(), "IMG_1.JPG",
            new Dictionary<string, string> { ["Photo.Caption"] = "Bænken", ["Photo.BusStopId"] = $"{otherRide.Stop}" });
        Assert.Equal(HttpStatusCode.NotFound, foreignStopPhoto.Status);

        var saved = await anne.SubmitFileAsync(material.Document, photoForm, "Photo.File", GivenParticipation.SidewaysJpegWithGps(), "IMG_1.JPG",
            new Dictionary<string, string> { ["Photo.Caption"] = "Bænken ved søen – her venter vi på hinanden", ["Photo.Subject"] = "mor til to" });
        Assert.Contains("Fotoet er gemt i forløbets materiale.", saved.Text);
        Assert.Contains("1 foto", saved.Text);
        var piece = await factory.WithDbAsync(db => db.CoreTaskMaterials.SingleAsync(m => m.ProcessId == id));
        Assert.Equal((MaterialKind.Photo, stop), (piece.Kind, piece.BusStopId));
        var stored = await File.ReadAllBytesAsync(Path.Combine(factory.UploadsDirectory, piece.PhotoKey + "-stor.jpg"));
        Assert.Equal(-1, stored.AsSpan().IndexOf("Exif"u8));
        var img = saved.Document.QuerySelector($"#m-{piece.Id} img")!;
        Assert.Equal("Bænken ved søen – her venter vi på hinanden", img.GetAttribute("alt"));
        Assert.Contains("Fremtidsbussen, på vej til Tur med forældrebestyrelsen – Legepladsen ved søen", saved.Text);

        // The bus page shows the photo under its stop, and the dialogue is noted beside it; too long is refused, kept.
        var withPhoto = await anne.GetAsync($"/kerneopgave/{id}/fremtidsbussen");
        Assert.Equal($"/billeder/{piece.PhotoKey}-lille.jpg", withPhoto.Document.QuerySelector($"#stop-{stop} img")!.GetAttribute("src"));
        var dialogueForm = $"#stop-{stop} form[action$='handler=Dialogue']";
        var tooLong = await anne.SubmitAsync(withPhoto.Document, dialogueForm, new Dictionary<string, string> { ["Note.Dialogue"] = new string('x', 4001) });
        Assert.Contains("Noterne fra dialogen må højst være 4000 tegn.", tooLong.Text);
        Assert.Equal(4001, tooLong.Document.QuerySelector($"#dialogue-{stop}")!.TextContent.Length);
        var noted = await anne.SubmitAsync(withPhoto.Document, dialogueForm, new Dictionary<string, string> { ["Note.Dialogue"] = "Forældrene mødes her efter lukketid. De vil gerne have en bænk mere." });
        Assert.Contains("Noterne fra stoppet er gemt.", noted.Text);
        Assert.Equal("Forældrene mødes her efter lukketid. De vil gerne have en bænk mere.", noted.Document.QuerySelector($"#dialogue-{stop}")!.TextContent);
        var json = await anne.Http.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/v1/core-task-processes/{id}");
        Assert.Equal((1, 1), (json.GetProperty("methods").GetProperty("photos").GetInt32(), json.GetProperty("methods").GetProperty("busRides").GetInt32()));
    }
}
