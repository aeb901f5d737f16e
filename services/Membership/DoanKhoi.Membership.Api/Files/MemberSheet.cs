using System.Globalization;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Problems;
using DoanKhoi.Text;

namespace DoanKhoi.Membership.Files;

/// <summary>A row of a member sheet read into the fields of a member; what could not be read (a date
/// that is no date, a post that is no post) is kept as an error of its field.</summary>
public sealed class ImportRow : IMemberProfileInput
{
    public required int Number { get; init; }
    public string? FullName { get; init; }
    public DateOnly? DateOfBirth { get; init; }
    public string? Gender { get; init; }
    public string? Ethnicity { get; init; }
    public string? CitizenId { get; init; }
    public string? Phone { get; init; }
    public string? Email { get; init; }
    public DateOnly? JoinedUnionOn { get; init; }
    public string? CardNumber { get; init; }
    public bool? IsCadre { get; init; }
    public string? PartyStatus { get; init; }
    public string? Unit { get; init; }
    public string? UnitCode { get; init; }
    public string? Branch { get; init; }
    public UnionPost? Post { get; init; }
    public DateOnly? PostFrom { get; init; }

    /// <summary>The fields whose cell could not be read, each with why.</summary>
    public Dictionary<string, ProblemText> Unreadable { get; } = new(StringComparer.Ordinal);
}

/// <summary>The header row of a member sheet and its data rows read as <see cref="ImportRow"/>s: headers
/// in any order and any of their spellings (<see cref="MemberColumns"/>), title rows above skipped,
/// blank rows passed over, dates as dd/MM/yyyy text or real spreadsheet dates.</summary>
public sealed class MemberSheet
{
    /// <summary>How far down the header row is looked for (titles of the unit and the list come first).</summary>
    public const int HeaderSearchRows = 20;

    private static readonly string[] DateFormats = ["d/M/yyyy", "d-M-yyyy", "d.M.yyyy", "yyyy-M-d", "d/M/yyyy H:mm:ss", "d/M/yyyy H:mm", "yyyy-MM-ddTHH:mm:ss"];

    private MemberSheet(Dictionary<MemberColumn, (int Index, string Header)> columns, List<ImportRow> rows) => (Columns, Rows) = (columns, rows);

    /// <summary>Each column the file has, with its index and the header as the file writes it.</summary>
    public IReadOnlyDictionary<MemberColumn, (int Index, string Header)> Columns { get; }

    public IReadOnlyList<ImportRow> Rows { get; }

    public bool Has(MemberColumn column) => Columns.ContainsKey(column);

    /// <summary>The header the file uses for a field ("Ngay sinh"), else the template's.</summary>
    public string HeaderOf(string field)
    {
        foreach (var (column, (_, header)) in Columns)
            if (column.Field == field) return header;
        return MemberColumns.Imported.FirstOrDefault(c => c.Field == field)?.Header ?? field;
    }

    /// <summary>A row that names the full name column and at least two other member columns.</summary>
    public static bool IsHeader(SheetRow row)
    {
        var found = row.Cells.Select(c => MemberColumns.Find(c.Text)).OfType<MemberColumn>().Distinct().ToList();
        return found.Contains(MemberColumns.FullName) && found.Count >= 3;
    }

    /// <summary>Reads the sheet: 400 naming each required column that is missing (the unit's, when
    /// <paramref name="unitRequired"/>), 413 past <see cref="SpreadsheetFile.MaxRows"/> rows.</summary>
    public static MemberSheet Read(IEnumerable<SheetRow> rows, bool unitRequired)
    {
        using var enumerator = rows.GetEnumerator();
        Dictionary<MemberColumn, (int, string)>? columns = null;
        while (columns is null && enumerator.MoveNext())
        {
            if (enumerator.Current.Number > HeaderSearchRows) break;
            if (!IsHeader(enumerator.Current)) continue;
            columns = [];
            foreach (var (cell, index) in enumerator.Current.Cells.Select((c, i) => (c, i)))
                if (MemberColumns.Find(cell.Text) is { } column) columns.TryAdd(column, (index, VietnameseText.Clean(cell.Text!)));
        }
        var required = MemberColumns.Imported.Where(c => c.Required).ToList();
        var missing = required.Where(c => columns?.ContainsKey(c) != true).Select(c => c.Header).ToList();
        if (unitRequired && columns?.ContainsKey(MemberColumns.Unit) != true && columns?.ContainsKey(MemberColumns.UnitCode) != true)
            missing.Add(MemberColumns.Unit.Header);
        if (missing.Count > 0)
        {
            var errors = new FieldErrors();
            foreach (var header in missing)
                errors.Add("file", columns is null
                    ? $"No header row found in the first {HeaderSearchRows} rows: the sheet needs a row with the column '{header}' (see the template, GET /members/import-template)."
                    : $"The column '{header}' is missing: add it to the header row (accepted: {string.Join(", ", Spellings(header))}).");
            errors.ThrowIfAny();
        }

        var sheet = new List<ImportRow>();
        while (enumerator.MoveNext())
        {
            var row = enumerator.Current;
            if (row.Cells.All(c => c.IsBlank)) continue;
            if (sheet.Count == SpreadsheetFile.MaxRows)
                throw new PayloadTooLargeException(string.Create(CultureInfo.InvariantCulture,
                    $"The file has more than {SpreadsheetFile.MaxRows:N0} rows of members; import at most {SpreadsheetFile.MaxRows:N0} at once: split it."));
            sheet.Add(ReadRow(row, columns!));
        }
        return new MemberSheet(columns!, sheet);
    }

    private static IEnumerable<string> Spellings(string header)
    {
        var column = MemberColumns.Imported.First(c => c.Header == header);
        return column.Spellings.Prepend(column.Header).Select(s => $"'{s}'");
    }

    private static ImportRow ReadRow(SheetRow row, Dictionary<MemberColumn, (int Index, string Header)> columns)
    {
        Cell At(MemberColumn column) => columns.TryGetValue(column, out var c) && c.Index < row.Cells.Length ? row.Cells[c.Index] : default;
        string? Text(MemberColumn column) => TextOf(At(column));
        var unreadable = new Dictionary<string, ProblemText>(StringComparer.Ordinal);
        DateOnly? Date(MemberColumn column)
        {
            var cell = At(column);
            if (cell.IsBlank) return null;
            if (ParseDate(cell) is { } date) return date;
            unreadable[column.Field] = ProblemText.Of($"'{TextOf(cell)}' is not a date: write it as dd/MM/yyyy (e.g. 15/03/1998) or use a date cell.");
            return null;
        }
        UnionPost? post = null;
        try
        {
            post = ParsePost(Text(MemberColumns.Post));
        }
        catch (ValidationFailedException e)
        {
            unreadable["post"] = e.Texts.First().Value[0];
        }
        var imported = new ImportRow
        {
            Number = row.Number,
            FullName = Text(MemberColumns.FullName),
            DateOfBirth = Date(MemberColumns.DateOfBirth),
            Gender = Text(MemberColumns.Gender),
            Ethnicity = Text(MemberColumns.Ethnicity),
            CitizenId = Digits(At(MemberColumns.CitizenId), 12),
            Phone = Digits(At(MemberColumns.Phone), 10),
            Email = Text(MemberColumns.Email),
            JoinedUnionOn = Date(MemberColumns.JoinedUnionOn),
            CardNumber = Text(MemberColumns.CardNumber),
            IsCadre = Flag(Text(MemberColumns.IsCadre)),
            PartyStatus = PartyStatusOf(Text(MemberColumns.PartyStatus)),
            Unit = Text(MemberColumns.Unit),
            UnitCode = Text(MemberColumns.UnitCode),
            Branch = Text(MemberColumns.Branch),
            Post = post,
            PostFrom = Date(MemberColumns.PostFrom),
        };
        foreach (var (field, message) in unreadable) imported.Unreadable[field] = message;
        return imported;
    }

    /// <summary>The text of a cell: NFC, trimmed; a number as its digits; a date as dd/MM/yyyy.</summary>
    public static string? TextOf(Cell cell)
    {
        if (cell.Date is { } date) return date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        if (cell.Number is { } number)
            return number == Math.Floor(number) && Math.Abs(number) < 1e15
                ? number.ToString("0", CultureInfo.InvariantCulture)
                : number.ToString(CultureInfo.InvariantCulture);
        var text = VietnameseText.Clean(cell.Text ?? "");
        return text.Length == 0 ? null : text;
    }

    /// <summary>A CCCD or phone typed as a number loses its leading 0 (every CCCD and mobile number has one): it is put back.</summary>
    private static string? Digits(Cell cell, int length)
    {
        var text = TextOf(cell);
        return cell.Number is not null && text?.Length == length - 1 ? "0" + text : text;
    }

    public static DateOnly? ParseDate(Cell cell)
    {
        if (cell.Date is { } date) return DateOnly.FromDateTime(date);
        if (cell.Number is { } serial)
            return serial is >= 1 and < 2958466 ? DateOnly.FromDateTime(DateTime.FromOADate(serial)) : null;
        var text = (cell.Text ?? "").Trim();
        return DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var parsed)
            ? DateOnly.FromDateTime(parsed) : null;
    }

    /// <summary>x, có, yes, 1, true: yes; blank, không, no, 0, false: no; anything else is left to be refused.</summary>
    private static bool? Flag(string? text) => Key(text) switch
    {
        "" => null,
        "x" or "co" or "yes" or "y" or "1" or "true" or "canbodoan" => true,
        "khong" or "no" or "n" or "0" or "false" => false,
        _ => null,
    };

    /// <summary>The Party column: a tick means a Party member; otherwise the Party status as <see cref="MemberInput.ParsePartyStatus"/> reads it.</summary>
    private static string? PartyStatusOf(string? text) => Flag(text) switch
    {
        true => "partyMember",
        false => "none",
        null => text,
    };

    /// <summary>Bí thư, Phó Bí thư, Ủy viên BCH as sheets write them; blank or "Đoàn viên" for none.</summary>
    public static UnionPost? ParsePost(string? text) => Key(text) switch
    {
        "" or "doanvien" or "khong" => null,
        "bithu" or "secretary" => UnionPost.Secretary,
        "phobithu" or "pbt" or "deputysecretary" => UnionPost.DeputySecretary,
        "uyvienbch" or "uvbch" or "uyvien" or "uyvienbanchaphanh" or "committeemember" => UnionPost.CommitteeMember,
        _ => throw new ValidationFailedException("post", $"'{text}' is not a Union post: write Bí thư, Phó Bí thư or Ủy viên BCH, or leave it blank."),
    };

    private static string Key(string? text) => MemberColumn.Key(text);
}
