namespace Samskab.Web.Features.Initiatives;

public sealed record InitiativeNav(int Id, string Title, string Active);

/// <summary>The method's seven phases with purpose and tools (seed 001), shown as cards.</summary>
public static class Phases
{
    public sealed record PhaseCard(int Number, string Name, string Purpose, string[] Tools);

    public static readonly PhaseCard[] All =
    [
        new(1, "Opstart og organisering", "Initiativet sættes i gang, arbejdsgruppen nedsættes, og ankerpersonen udpeges.", ["Forberedelseslærred", "Arbejdsgruppe", "Ankerperson"]),
        new(2, "Forberedelse", "Arbejdsgruppen formulerer den fælles, samlende udfordring og planlægger analysen.", ["Den fælles udfordring", "Tidsplan"]),
        new(3, "Co-creation analyse", "I undersøger, om udfordringen egner sig til samskabelse, og hvem der ejer den.", ["Co-creation analyse"]),
        new(4, "Kortlægning og aktørinvolvering", "I danner en helhedsorienteret forståelse af udfordringen og finder aktørerne.", ["Aktøroverblik", "Aktørmøder"]),
        new(5, "Etablering", "Én dag – etableringsworkshoppen – forberedt over 3–4 uger med drejebog, tjekliste og spilleregler.", ["Drejebog", "Tjekliste", "Spilleregler"]),
        new(6, "Samskabende udviklingsarbejde", "Aktørerne arbejder på udviklingsplatforme i 3 måneder til flere år.", ["Rolle- og ansvarsfordeling", "Første møde på platformen", "Tovholdermøder", "Forandringer på platformene", "Målsætning", "Ringe i vandet", "Fælles statusmøder", "Nyhedsbreve"]),
        new(7, "Realitetstjek og evaluering", "Hver platform tjekker jævnligt, om arbejdet bevæger sig, og der handles hurtigt på stilstand.", ["Realitetstjek", "Evaluering"]),
    ];

    public static PhaseCard Of(int phase) => All[Math.Clamp(phase, 1, 7) - 1];
}
