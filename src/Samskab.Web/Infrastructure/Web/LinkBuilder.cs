namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// Absolute links for e-mails, always from Samskab:BaseUrl (checked at start-up), never from the request's Host
/// header: a forged Host must not be able to point a sign-in link at another site.
/// </summary>
public sealed class LinkBuilder(IConfiguration configuration)
{
    public string BaseUrl => (configuration["Samskab:BaseUrl"] ?? "http://localhost:5080").TrimEnd('/');

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
