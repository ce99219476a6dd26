using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Razor;
using Samskab.Web.Features.Account;
using Samskab.Web.Features.Api;
using Samskab.Web.Features.CoreTask;
using Samskab.Web.Features.LocalAreas;
using Samskab.Web.Features.Meetings;
using Samskab.Web.Features.Newsletters;
using Samskab.Web.Features.Participation;
using Samskab.Web.Features.Platforms;
using Samskab.Web.Features.Radar;
using Samskab.Web.Infrastructure.Auth;
using Samskab.Web.Infrastructure.Data;
using Samskab.Web.Infrastructure.Demo;
using Samskab.Web.Infrastructure.Localization;
using Samskab.Web.Infrastructure.Mail;
using Samskab.Web.Infrastructure.Operations;
using Samskab.Web.Infrastructure.Web;

namespace Samskab.Web.Infrastructure;

/// <summary>Composition of the app: services and the request pipeline, in one readable place.</summary>
public static class Startup
{
    public const string SignInRateLimit = "sign-in";
    public const string SignInLinkRateLimit = "sign-in-link";
    public const string ApiPolicy = "Api";
    public const string AdminPolicy = "Admin";
    public static readonly CultureInfo[] Cultures = [new("da-DK"), new("en-GB")];

    /// <summary>Lets `--demo` stand alone on the command line.</summary>
    public static string[] PrepareArgs(string[] args, out bool demo)
    {
        demo = args.Contains("--demo");
        return args.Where(a => a != "--demo").ToArray();
    }

    public static void AddSamskab(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        var configuration = builder.Configuration;

        if (!builder.Environment.IsDevelopment() && configuration["Logging:Format"] != "simple")
        {
            builder.Logging.ClearProviders();
            builder.Logging.AddJsonConsole(o => o.IncludeScopes = true);
        }

        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        builder.AddOperations();
        ConfigureBaseUrl(builder);

        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddAppDatabase(configuration, builder.Environment.ContentRootPath);

        services.AddIdentity<AppUser, IdentityRole>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedEmail = true;
                // NIST SP 800-63B: length matters, composition rules do not.
                o.Password.RequiredLength = 10;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                // Password attempts are limited by SignInThrottle (per account and per address, growing delays), not
                // by Identity's lock-out, which anyone could trigger for someone else.
                o.Lockout.AllowedForNewUsers = false;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddErrorDescriber<DanishIdentityErrorDescriber>()
            .AddPasswordValidator<PasswordStrength>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/konto/log-ind";
            o.LogoutPath = "/konto/log-ud";
            o.AccessDeniedPath = "/fejl/403";
            o.Cookie.Name = "samskab.auth";
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(14);
            o.Events.OnRedirectToLogin = ctx => ApiAwareRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiAwareRedirect(ctx, StatusCodes.Status403Forbidden);
            UserSessions.Configure(o);
        });
        services.Configure<SecurityStampValidatorOptions>(UserSessions.Configure);
        services.AddScoped<UserSessions>();
        services.AddScoped<SignInThrottle>();
        services.AddScoped<PasswordStrength>();

        services.AddDataProtection().SetApplicationName("Samskab").PersistKeysToDbContext<AppDbContext>();

        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, PersonalAccessTokenHandler>(PersonalAccessTokenHandler.SchemeName, null);
        services.AddScoped<RoleResolver>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiPolicy, p => p
                .AddAuthenticationSchemes(IdentityConstants.ApplicationScheme, PersonalAccessTokenHandler.SchemeName)
                .RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.RequireRole(RoleNames.Administrator));

        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("da-DK");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });

        services.AddRazorPages(o =>
            {
                o.RootDirectory = "/Features";
                o.Conventions.AuthorizeFolder("/Account/Manage");
                o.Conventions.AuthorizeFolder("/Admin", AdminPolicy);
                o.Conventions.AuthorizeFolder("/Start");
                o.Conventions.AddPageRoute("/Participation/EditCampaign", "/indsamlinger/ny");
                o.Conventions.AddPageRoute("/LocalAreas/EditArea", "/lokalomraader/ny");
                o.Conventions.AddPageRoute("/LocalAreas/Results", "/lokalomraader/resultater");
            })
            .AddViewLocalization(LanguageViewLocationExpanderFormat.Suffix)
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, factory) => factory.Create(typeof(SharedResource)))
            .AddMvcOptions(o =>
            {
                o.ModelBindingMessageProvider.UseDanishMessages();
                o.ModelBinderProviders.Insert(0, new SafeDateBinderProvider());
            });
        services.AddAntiforgery(o =>
        {
            o.HeaderName = "RequestVerificationToken";
            o.Cookie.Name = "samskab.af";
        });

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            var signIn = configuration.GetValue("RateLimits:SignInPerMinute", 10);
            var links = configuration.GetValue("RateLimits:SignInLinksPerTenMinutes", 5);
            o.AddPolicy(SignInRateLimit, ctx => PostOnly(ctx, "sign-in", signIn, TimeSpan.FromMinutes(1)));
            o.AddPolicy(SignInLinkRateLimit, ctx => PostOnly(ctx, "sign-in-link", links, TimeSpan.FromMinutes(10)));
        });

        // Every binding failure of the API (bad JSON, wrong types, a missing body) becomes an exception that
        // ApiProblemHandler answers as 400 problem+json in Danish, in every environment alike.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new CleanStringJsonConverter());
            o.SerializerOptions.Converters.Add(new SafeDateJsonConverter());
        });
        services.AddProblemDetails();
        services.AddExceptionHandler<ApiProblemHandler>();

        services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "Samskab API";
            doc.Info.Description = "Integrationer med Samskab. Log ind i browseren, eller send en personlig adgangsnøgle som 'Authorization: Bearer sk_…'.";
            return Task.CompletedTask;
        }));

        services.Configure<MailSettings>(configuration.GetSection("Mail"));
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IMailTransport, SmtpMailTransport>();
        services.AddSingleton<OutboxDelivery>();
        services.AddHostedService<OutboxDispatcher>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<LinkBuilder>();
        services.AddScoped<DemoData>();

        // Each feature registers what it needs, beside its pages.
        services.AddAccounts(configuration);
        services.AddPlatforms(configuration);
        services.AddMeetings(configuration);
        services.AddRadar(configuration);
        services.AddNewsletters(configuration);
        services.AddParticipation(configuration);
        services.AddLocalAreas(configuration);
        services.AddCoreTask();

        // Razor leaves Danish letters readable in the page source instead of character references.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
    }

    public static void UseSamskab(this WebApplication app)
    {
        app.UseForwardedHeadersFromProxy();
        app.UseMiddleware<CorrelationMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandlingPath = "/fejl",
            StatusCodeSelector = e => e is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError,
        });
        app.UseWhen(ctx => !ctx.Request.Path.StartsWithSegments("/api"), b => b.UseStatusCodePagesWithReExecute("/fejl/{0}"));
        if (!app.Environment.IsDevelopment() && app.Configuration.GetValue("Samskab:RequireHttps", true))
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseMiddleware<SecurityHeadersMiddleware>();
        app.UseOperationsEndpoints();
        app.UseStaticFiles();
        app.UseRequestLocalization();
        app.UseMiddleware<CleanInputMiddleware>();
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapRazorPages();
        app.MapOperationsEndpoints();
        app.MapOpenApi("/openapi/{documentName}.json");
        app.MapApi();
        Samskab.Web.Infrastructure.Images.ImageEndpoints.MapImages(app);
        app.MapCampaignsApi();
        app.MapLocalAreasApi();
        app.MapCoreTaskApi();
        Samskab.Web.Features.Meetings.CalendarFeeds.MapCalendarFeeds(app);
    }

    /// <summary>
    /// Links in mails are built from Samskab:BaseUrl only, never from the request's Host header (which anyone can
    /// set). Outside Development the app does not start without it, and only its host is accepted, unless
    /// AllowedHosts names the hosts explicitly.
    /// </summary>
    private static void ConfigureBaseUrl(WebApplicationBuilder builder)
    {
        var configured = builder.Configuration["Samskab:BaseUrl"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!builder.Environment.IsDevelopment())
            {
                throw new InvalidOperationException(
                    "Samskab:BaseUrl skal være sat uden for Development (fx https://samskab.kommune.dk): links i e-mails bygges ud fra den. "
                    + "Samskab:BaseUrl must be set outside Development.");
            }
            configured = "http://localhost:5080";
            builder.Configuration["Samskab:BaseUrl"] = configured;
        }
        if (!Uri.TryCreate(configured, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https"))
        {
            throw new InvalidOperationException($"Samskab:BaseUrl must be an absolute http(s) address, not '{configured}'.");
        }
        var allowed = builder.Configuration["AllowedHosts"];
        if (!builder.Environment.IsDevelopment() && (string.IsNullOrWhiteSpace(allowed) || allowed.Trim() == "*"))
        {
            builder.Services.Configure<Microsoft.AspNetCore.HostFiltering.HostFilteringOptions>(o => o.AllowedHosts = [baseUri.Host]);
        }
    }

    /// <summary>
    /// Refusals answer 403 in place (the status-code page explains it in Danish); only a missing sign-in on a page
    /// redirects to the sign-in page. The API and htmx requests get plain status codes.
    /// </summary>
    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> ctx, int status)
    {
        if (status == StatusCodes.Status403Forbidden || ctx.Request.Path.StartsWithSegments("/api") || ctx.Request.Headers.ContainsKey("HX-Request"))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Limits form posts per client address; reading the form is never limited.</summary>
    private static RateLimitPartition<string> PostOnly(HttpContext ctx, string name, int permits, TimeSpan window)
    {
        if (!HttpMethods.IsPost(ctx.Request.Method))
        {
            return RateLimitPartition.GetNoLimiter("get");
        }
        var key = $"{name}:{ctx.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = window,
            QueueLimit = 0,
        });
    }
}
