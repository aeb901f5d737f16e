using System.ComponentModel.DataAnnotations;
using DoanKhoi.Membership.Files;

namespace DoanKhoi.Membership.Apis;

public enum ImportRowResult
{
    /// <summary>Valid and new: the commit records the member.</summary>
    Accepted,
    /// <summary>The member is recorded already with the same data: nothing to do.</summary>
    AlreadyRecorded,
    /// <summary>Not imported: <see cref="ImportedRow.Problems"/> says which column and why.</summary>
    Refused,
}

/// <summary>What is wrong in a row: the column(s) as the file names them, and what to do about it.</summary>
public sealed record ImportProblem([property: StringLength(ImportProblem.MaxColumnLength)] string Column, [property: StringLength(ImportProblem.MaxReasonLength)] string Reason)
{
    public const int MaxColumnLength = 400;
    public const int MaxReasonLength = 1000;
    public const int MaxPerRow = 20;
}

/// <summary>One row of the file (numbered as the spreadsheet numbers it) and what the import does with it.</summary>
public sealed record ImportedRow(
    [property: Range(1, int.MaxValue)] int Row, ImportRowResult Result, [property: StringLength(ImportedRow.MaxNameLength)] string? FullName,
    Guid? UnitId, Guid? MemberId, [property: MaxLength(ImportProblem.MaxPerRow)] IReadOnlyList<ImportProblem> Problems)
{
    /// <summary>A name as the row gives it, which may be longer than a valid one.</summary>
    public const int MaxNameLength = 4000;
}

/// <summary>The preview (<see cref="Committed"/> false: nothing changed) or the commit of an import: every
/// row with its result. A commit records all accepted rows in one transaction, or none.</summary>
public sealed record MemberImportReport(
    bool Committed, [property: Range(0, SpreadsheetFile.MaxRows)] int Rows, [property: Range(0, SpreadsheetFile.MaxRows)] int Accepted,
    [property: Range(0, SpreadsheetFile.MaxRows)] int AlreadyRecorded, [property: Range(0, SpreadsheetFile.MaxRows)] int Refused,
    [property: MaxLength(SpreadsheetFile.MaxRows)] IReadOnlyList<ImportedRow> Items);
