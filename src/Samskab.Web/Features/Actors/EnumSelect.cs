namespace Samskab.Web.Features.Actors;

/// <summary>A DKFDS select over an enum's values with their Danish names.</summary>
public sealed record EnumSelect(string Id, string Name, string Label, string? Selected, IReadOnlyList<(string Value, string Text)> Options, bool AllowEmpty = true)
{
    public static EnumSelect For<T>(string field, string label, T? selected, Func<T?, string> text, bool allowEmpty = true) where T : struct, Enum =>
        new(field.Replace('.', '_'), field, label, selected?.ToString(), Enum.GetValues<T>().Select(v => (v.ToString(), text(v))).ToList(), allowEmpty);
}
