// A minimal ASP.NET Core app answering one plaintext endpoint: what a request costs on this machine with nothing
// in it. bench/run.sh measures it in the same run as Samskab's pages and reports each page as a share of it.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
app.MapGet("/plaintext", () => "Hello, World!");
await app.RunAsync();
