namespace DoanKhoi.Reporting.Domain.Programme;

/// <summary>A year's programme as the standing committee keeps it: the document, and its revisions, each
/// with who changed it, when and why (a target changed during the year is on the record).</summary>
public sealed class ProgrammeRecord
{
    public const int ReasonMaxLength = 500;

    private ProgrammeRecord() { }

    public int Year { get; private set; }
    public string Document { get; private set; } = "";
    public int Version { get; private set; }
    public DateTimeOffset ChangedAt { get; private set; }
    public string ChangedBy { get; private set; } = "";
    /// <summary>The version the board was last counted with in full (BoardRecounter counts it again when behind).</summary>
    public int CountedVersion { get; private set; }
    public List<ProgrammeRevision> Revisions { get; private set; } = [];

    public TargetProgramme Programme => TargetProgramme.FromJson(Document);

    public static ProgrammeRecord Create(TargetProgramme programme, string reason, string by, DateTimeOffset at)
    {
        var record = new ProgrammeRecord { Year = programme.Year };
        record.Change(programme, reason, by, at);
        return record;
    }

    public void Change(TargetProgramme programme, string reason, string by, DateTimeOffset at)
    {
        Document = programme.ToJson();
        Version++;
        (ChangedAt, ChangedBy) = (at, by);
        Revisions.Add(new ProgrammeRevision(Year, Version, Document, reason, by, at));
    }
}

/// <summary>One version of a year's programme, kept.</summary>
public sealed record ProgrammeRevision(int Year, int Version, string Document, string Reason, string ChangedBy, DateTimeOffset ChangedAt);
