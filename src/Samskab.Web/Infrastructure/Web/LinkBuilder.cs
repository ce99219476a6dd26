namespace Samskab.Web.Infrastructure.Web;

/// <summary>
/// Absolute links for e-mails. Uses Samskab:BaseUrl when set (needed behind a proxy and for background jobs),
/// otherwise the address of the current request.
/// </summary>
public sealed class LinkBuilder(IConfiguration configuration, IHttpContextAccessor accessor)
{
    public string BaseUrl
    {
        get
        {
            var configured = configuration["Samskab:BaseUrl"];
            if (!string.IsNullOrWhiteSpace(configured))
            {
                return configured.TrimEnd('/');
            }
            var request = accessor.HttpContext?.Request;
            return request is null ? "http://localhost:5080" : $"{request.Scheme}://{request.Host}{request.PathBase}";
        }
    }

    public string Absolute(string path) => BaseUrl + (path.StartsWith('/') ? path : "/" + path);
}
