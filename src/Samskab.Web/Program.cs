using Samskab.Web.Infrastructure;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Demo;

var builder = WebApplication.CreateBuilder(Startup.PrepareArgs(args, out var demoFlag));
if (demoFlag)
{
    builder.Configuration["Samskab:DemoData"] = "true";
}
builder.AddSamskab();

var app = builder.Build();
app.UseSamskab();

await using (var scope = app.Services.CreateAsyncScope())
{
    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
    if (app.Configuration.GetValue("Database:MigrateOnStartup", true))
    {
        await DatabaseSetup.MigrateAsync(db);
    }
    if (DemoData.IsEnabled(app.Configuration, app.Environment))
    {
        await scope.ServiceProvider.GetRequiredService<DemoData>().SeedAsync();
    }
}

await app.RunAsync();

public partial class Program;
