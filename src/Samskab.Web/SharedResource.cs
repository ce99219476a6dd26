namespace Samskab.Web;

/// <summary>
/// Marker for the shared UI text resources. Danish text is the key (and the default); English translations live in
/// Resources/SharedResource.en.resx.
/// </summary>
public sealed class SharedResource;
