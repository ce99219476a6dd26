using Microsoft.AspNetCore.Mvc.RazorPages;
using Samskab.Web.Infrastructure.Demo;

namespace Samskab.Web.Features.Home;

public class IndexModel(IConfiguration configuration, IWebHostEnvironment environment) : PageModel
{
    public bool ShowDemo { get; private set; }

    public void OnGet() => ShowDemo = DemoData.IsEnabled(configuration, environment);
}
