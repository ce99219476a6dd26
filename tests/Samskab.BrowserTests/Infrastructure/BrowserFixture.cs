using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Samskab.Tests.Infrastructure;
using Xunit;

namespace Samskab.BrowserTests.Infrastructure;

/// <summary>
/// The app on a real Kestrel port and Debian's Chromium driven by Playwright. Every page a test visits goes through
/// <see cref="CheckAsync"/>: a screenshot for people to look at, and axe-core with zero violations allowed.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public KestrelFactory App { get; } = new();
    public IBrowser Browser { get; private set; } = null!;
    public string BaseUrl => App.BaseUrl;

    public static string ScreenshotFolder { get; } = Path.Combine(RepoRoot(), "artifacts", "screenshots");

    public async Task InitializeAsync()
    {
        await App.InitializeAsync();
        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("SAMSKAB_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(bool phone = false)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = BaseUrl,
            Locale = "da-DK",
            ViewportSize = phone ? new ViewportSize { Width = 390, Height = 844 } : new ViewportSize { Width = 1280, Height = 900 },
            IsMobile = phone,
            HasTouch = phone,
        });
        return await context.NewPageAsync();
    }

    /// <summary>Signs in through the real sign-in form, as a person would, on the given page.</summary>
    public static async Task SignInAsync(IPage page, string email, string password = "Samskab-demo-1")
    {
        await page.GotoAsync("/konto/log-ind");
        await page.GetByLabel("E-mail").FillAsync(email);
        await page.GetByLabel("Adgangskode").FillAsync(password);
        await page.GetByRole(AriaRole.Main).GetByRole(AriaRole.Button, new() { Name = "Log ind" }).ClickAsync();
        await page.WaitForURLAsync("**/start");
    }

    /// <summary>A new browser context (phone-sized if asked) signed in as the given account.</summary>
    public async Task<IPage> SignedInPageAsync(string email, bool phone = false)
    {
        var page = await NewPageAsync(phone);
        await SignInAsync(page, email);
        return page;
    }

    /// <summary>Screenshot and accessibility check of the page as it is now.</summary>
    public static async Task CheckAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
        var results = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] },
        });
        var violations = results.Violations.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help}\n" + string.Join("\n", v.Nodes.Select(n => "   " + n.Html + " -> " + string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message)))));
        Assert.True(results.Violations.Length == 0, $"axe found {results.Violations.Length} violation(s) on {name} ({page.Url}):\n" + string.Join("\n", violations));
        // On a phone, nothing makes the page scroll sideways.
        if (page.ViewportSize is { Width: var viewport } && viewport <= 390)
        {
            var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
            Assert.True(width <= viewport, $"{name} ({page.Url}) is {width} px wide on a {viewport} px phone");
        }
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        await ((IAsyncLifetime)App).DisposeAsync();
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Samskab.slnx")))
        {
            dir = dir.Parent;
        }
        return dir?.FullName ?? AppContext.BaseDirectory;
    }
}

/// <summary>The test app on a real TCP port, so a real browser can reach it.</summary>
public sealed class KestrelFactory : SamskabFactory
{
    private readonly int _port = FreePort();

    public KestrelFactory()
    {
        Settings["Samskab:BaseUrl"] = BaseUrl;
        UseKestrel(_port);
    }

    public string BaseUrl => $"http://127.0.0.1:{_port}";

    /// <summary>A real SMTP server, so mail is delivered and the newsletter's progress bar moves.</summary>
    public SmtpTestServer Smtp { get; } = new();

    public override async Task InitializeAsync()
    {
        await Smtp.StartAsync();
        Settings["Mail:Host"] = "127.0.0.1";
        Settings["Mail:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Mail:Security"] = "None";
        // A server that takes a moment per mail, as real ones do: the progress bar is seen moving.
        Settings["Mail:SendDelay"] = "00:00:00.100";
        await PrepareDatabaseAsync();
        StartServer();
    }

    protected override Task CleanupAsync() => Smtp.DisposeAsync();

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class BrowserTestGroup : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
