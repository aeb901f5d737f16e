using System.Globalization;
using CsvHelper;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Files;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace DoanKhoi.Membership.Files;

/// <summary>A member as an export row reads them (a projection: no history loaded).</summary>
public sealed record ExportedMember(
    Guid Id, string FullName, DateOnly DateOfBirth, Gender Gender, string EthnicityCode, string? CitizenId, string? Phone, string? Email,
    DateOnly JoinedUnionOn, string? CardNumber, Guid UnitId, Guid? BranchId, UnionPost? Post, bool IsCadre, PartyStatus PartyStatus, MemberStatus Status);

/// <summary>Member lists written as .xlsx (MiniExcel, streaming) or .csv (CsvHelper, UTF-8 with a BOM
/// so that Excel shows Vietnamese): the template's Vietnamese headers, dates as dd/MM/yyyy text, the
/// CCCD masked and no ethnicity, phone or e-mail unless the caller reads that member's personal data,
/// and every text that a spreadsheet would run as a formula neutralised.</summary>
public static class MemberExport
{
    public static readonly IReadOnlyList<MemberColumn> Columns =
    [
        MemberColumns.FullName, MemberColumns.DateOfBirth, MemberColumns.Gender, MemberColumns.Ethnicity, MemberColumns.CitizenId,
        MemberColumns.Phone, MemberColumns.Email, MemberColumns.JoinedUnionOn, MemberColumns.CardNumber, MemberColumns.Unit,
        MemberColumns.UnitCode, MemberColumns.Branch, MemberColumns.Post, MemberColumns.IsCadre, MemberColumns.PartyStatus, MemberColumns.Status,
    ];

    /// <summary>The row's cells in <see cref="Columns"/>' order, neutralised.</summary>
    public static string?[] Cells(ExportedMember m, bool personal, Func<Guid, (string Name, string Code)> unit, Func<Guid?, string?> branch, DateOnly today)
    {
        var (unitName, unitCode) = unit(m.UnitId);
        string?[] cells =
        [
            m.FullName, TableFile.Date(m.DateOfBirth), m.Gender == Gender.Male ? "Nam" : "Nữ",
            personal ? Ethnicity.ByCode(m.EthnicityCode)?.Name : null,
            m.CitizenId is { } c ? personal ? c : Domain.Members.CitizenId.Mask(c) : null,
            personal ? m.Phone : null, personal ? m.Email : null,
            TableFile.Date(m.JoinedUnionOn), m.CardNumber, unitName, unitCode, branch(m.BranchId),
            PostName(m.Post),
            m.IsCadre ? "x" : null,
            m.PartyStatus switch { PartyStatus.PartyMember => "Đảng viên", PartyStatus.Recommended => "Giới thiệu", _ => null },
            m.Status switch
            {
                MemberStatus.Active => "Đang sinh hoạt", MemberStatus.InTransfer => "Đang chuyển sinh hoạt",
                MemberStatus.Matured => "Đã trưởng thành Đoàn", _ => "Đã ra khỏi danh sách",
            },
        ];
        for (var i = 0; i < cells.Length; i++) cells[i] = TableFile.Neutralise(cells[i]);
        return cells;
    }

    /// <summary>A Union post as the sheet writes it (and the import reads it back).</summary>
    public static string? PostName(UnionPost? post) =>
        post switch { UnionPost.Secretary => "Bí thư", UnionPost.DeputySecretary => "Phó Bí thư", UnionPost.CommitteeMember => "Ủy viên BCH", _ => null };

    /// <summary>Writes the rows as CSV as they come, UTF-8 with a BOM.</summary>
    public static async Task WriteCsvAsync(Stream body, IAsyncEnumerable<string?[]> rows, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(body, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.None }, leaveOpen: true);
        await csv.WriteRecordAsync(Columns.Select(c => c.Header).ToArray(), ct);
        await foreach (var row in rows.WithCancellation(ct))
            await csv.WriteRecordAsync(row.Select(c => c ?? "").ToArray(), ct);
        await csv.FlushAsync(ct);
    }

    /// <summary>Writes the rows into one sheet of an .xlsx, header first, as MiniExcel streams them.</summary>
    public static void WriteXlsx(Stream file, IEnumerable<string?[]> rows, string sheetName = "Đoàn viên") =>
        file.SaveAs(TableFile.Sheet(Columns.Select(c => c.Header).ToArray(), rows), sheetName: sheetName, configuration: TableFile.Configuration(Columns.Select(c => c.Header)));
}
