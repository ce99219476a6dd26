namespace Samskab.Web.Features.Meetings;

/// <summary>
/// Each meeting type's name, default length and ready agenda (seed 001: "Første møde på udviklingsplatformen",
/// "Tovholdermøder", "Fælles statusmøder", "Målsætning"). The agenda is a starting point; it is edited freely.
/// </summary>
public static class MeetingTemplates
{
    public sealed record Template(MeetingType Type, string Name, string Purpose, TimeSpan Length, string[] Agenda, bool PlatformMeeting, bool InitiativeMeeting);

    public static readonly Template[] All =
    [
        new(MeetingType.FirstPlatformMeeting, "Første møde på udviklingsplatformen", "Holdes kort efter etableringsworkshoppen. Tovholderen indkalder og booker lokale.", TimeSpan.FromHours(2),
        [
            "Velkommen og præsentation",
            "Fokus: Hvad vil platformen fokusere på?",
            "Aktører: Hvem deltager, og hvad bidrager hver især med?",
            "Spillereglerne – genbesøg dem sammen",
            "Værtskab: Hvem er vært for de næste møder?",
            "Aftaler og næste møde",
        ], PlatformMeeting: true, InitiativeMeeting: false),
        new(MeetingType.PlatformMeeting, "Platformsmøde", "Et almindeligt møde på udviklingsplatformen.", TimeSpan.FromHours(2),
        [
            "Velkommen",
            "Siden sidst: aftaler og fremdrift",
            "Dagens tema",
            "Ringe i vandet – hvad er der sket, som vi ikke havde sat mål for?",
            "Aftaler og næste møde",
        ], PlatformMeeting: true, InitiativeMeeting: false),
        new(MeetingType.GoalSettingMeeting, "Andet platformsmøde: målsætning", "Platformen sætter 3–5 mål, der passer til den fælles udfordring, og en baseline for hvert.", TimeSpan.FromHours(2.5),
        [
            "Velkommen",
            "Den fælles udfordring og platformens fokus",
            "Forslag til mål: kortsigtede og langsigtede",
            "Kvalitative, kvantitative mål eller hypoteser?",
            "Baseline: hvordan ser det ud i dag?",
            "Aftaler og næste møde",
        ], PlatformMeeting: true, InitiativeMeeting: false),
        new(MeetingType.CoordinatorMeeting, "Tovholdermøde", "Ankerpersonen indkalder 1–2 måneder efter workshoppen, når alle platforme har holdt første møde.", TimeSpan.FromHours(3),
        [
            "Velkommen",
            "Dagsorden",
            "Præsentationsrunde",
            "Hvad vil det sige at være tovholder?",
            "Hver tovholder præsenterer sin platform og det, den har aftalt at samskabe om",
            "Pause",
            "Scenarier, der kan opstå på platformene, og hvordan de håndteres – herunder sammenlægning og lukning",
            "Tak for i dag – vi ses til det fælles statusmøde",
        ], PlatformMeeting: false, InitiativeMeeting: true),
        new(MeetingType.StatusMeeting, "Fælles statusmøde", "Alle aktører fra alle platforme, hvert halve år. Hver platform laver et realitetstjek inden.", TimeSpan.FromHours(3),
        [
            "Velkommen ved værten",
            "Den fælles udfordring – hvor står vi?",
            "Hver platform fortæller: fokus, fremdrift og det, der har været svært",
            "Ringe i vandet",
            "Oplæg ved gæstetaler",
            "Forandringer på platformene",
            "Næste statusmøde og vært",
        ], PlatformMeeting: false, InitiativeMeeting: true),
        new(MeetingType.PreMeeting, "Formøde", "Ankerpersonen og en ny aktør mødes før aktørens første statusmøde.", TimeSpan.FromHours(1),
        [
            "Velkommen",
            "Metoden: samskabelse og den flade struktur",
            "Den fælles udfordring",
            "Den fælles platform og udviklingsplatformene",
            "Spørgsmål",
        ], PlatformMeeting: false, InitiativeMeeting: true),
        new(MeetingType.EstablishmentWorkshop, "Etableringsworkshop", "Én dag, forberedt over 3–4 uger med drejebog og tjekliste.", TimeSpan.FromHours(6), [], PlatformMeeting: false, InitiativeMeeting: true),
        new(MeetingType.CitizenCamp, "Borgercamp", "Kerneopgaven præsenteres, og nye løsninger findes sammen med borgerne.", TimeSpan.FromHours(4), [], PlatformMeeting: false, InitiativeMeeting: true),
    ];

    public static Template Of(MeetingType type) => All.Single(t => t.Type == type);
}
