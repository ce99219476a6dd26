using Samskab.Web.Infrastructure.Web;
using Xunit;

namespace Samskab.Tests.Features.Home;

public class DanishTimeTests
{
    [Theory]
    [InlineData("2026-01-15T12:00:00Z", "13:00")]
    [InlineData("2026-07-15T12:00:00Z", "14:00")]
    [InlineData("2026-03-29T00:59:00Z", "01:59")]
    [InlineData("2026-03-29T01:00:00Z", "03:00")]
    public void ToDanish_FollowsCopenhagenIncludingSummerTime(string utc, string expected) =>
        Assert.Equal(expected, DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture).ToDanish().ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture));
}
