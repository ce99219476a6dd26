namespace Samskab.Web.Features.Platforms;

/// <summary>Danish names (resource keys) for platform states and proposal kinds.</summary>
public static class PlatformText
{
    public static string Status(PlatformStatus status) => status switch
    {
        PlatformStatus.Active => "Aktiv",
        PlatformStatus.Standby => "Standby",
        PlatformStatus.Closed => "Lukket",
        _ => "Sammenlagt",
    };

    public static string Kind(ProposalKind kind) => kind switch
    {
        ProposalKind.Focus => "Nyt fokus",
        ProposalKind.Standby => "Sæt på standby",
        ProposalKind.Resume => "Genoptag",
        ProposalKind.Close => "Luk platformen",
        _ => "Læg sammen med en anden platform",
    };
}
