using DoanKhoi.Problems;
using DoanKhoi.Text;

namespace DoanKhoi.Membership.Domain.Members;

/// <summary>One of the 54 ethnic groups of Vietnam (dân tộc), by the General Statistics Office's
/// code (01 Kinh … 54 Rơ-măm). Sensitive personal data under Nghị định 13/2023/NĐ-CP: lists leave it
/// out; only the member, their unit's secretary and the bloc office read it.</summary>
public sealed record Ethnicity(
    [property: System.ComponentModel.DataAnnotations.StringLength(Ethnicity.CodeLength)] string Code,
    [property: System.ComponentModel.DataAnnotations.StringLength(Ethnicity.MaxNameLength)] string Name)
{
    public const int CodeLength = 2;
    public const int MaxNameLength = 50;

    public static readonly IReadOnlyList<Ethnicity> All =
    [
        new("01", "Kinh"), new("02", "Tày"), new("03", "Thái"), new("04", "Hoa"), new("05", "Khơ-me"),
        new("06", "Mường"), new("07", "Nùng"), new("08", "Mông"), new("09", "Dao"), new("10", "Gia-rai"),
        new("11", "Ngái"), new("12", "Ê-đê"), new("13", "Ba Na"), new("14", "Xơ-đăng"), new("15", "Sán Chay"),
        new("16", "Cơ-ho"), new("17", "Chăm"), new("18", "Sán Dìu"), new("19", "Hrê"), new("20", "Mnông"),
        new("21", "Ra-glai"), new("22", "Xtiêng"), new("23", "Bru-Vân Kiều"), new("24", "Thổ"), new("25", "Giáy"),
        new("26", "Cơ-tu"), new("27", "Giẻ-Triêng"), new("28", "Mạ"), new("29", "Khơ-mú"), new("30", "Co"),
        new("31", "Tà-ôi"), new("32", "Chơ-ro"), new("33", "Kháng"), new("34", "Xinh-mun"), new("35", "Hà Nhì"),
        new("36", "Chu-ru"), new("37", "Lào"), new("38", "La Chí"), new("39", "La Ha"), new("40", "Phù Lá"),
        new("41", "La Hủ"), new("42", "Lự"), new("43", "Lô Lô"), new("44", "Chứt"), new("45", "Mảng"),
        new("46", "Pà Thẻn"), new("47", "Cờ Lao"), new("48", "Cống"), new("49", "Bố Y"), new("50", "Si La"),
        new("51", "Pu Péo"), new("52", "Brâu"), new("53", "Ơ Đu"), new("54", "Rơ-măm"),
    ];

    /// <summary>Other spellings found in members' sheets, folded and without separators.</summary>
    private static readonly Dictionary<string, string> Aliases = new()
    {
        ["hmong"] = "08", ["meo"] = "08", ["khmer"] = "05", ["khome"] = "05", ["jrai"] = "10", ["ede"] = "12",
        ["bahnar"] = "13", ["sedang"] = "14", ["caolan"] = "15", ["koho"] = "16", ["cham"] = "17", ["bru"] = "23",
        ["vankieu"] = "23", ["khmu"] = "29", ["kmu"] = "29", ["taoi"] = "31", ["coolao"] = "47", ["colao"] = "47",
        ["boy"] = "49", ["puoc"] = "51", ["odu"] = "53", ["romam"] = "54", ["han"] = "04",
    };

    private static readonly Dictionary<string, Ethnicity> ByKey = BuildIndex();

    public static Ethnicity? ByCode(string code) => All.FirstOrDefault(e => e.Code == code);

    /// <summary>By code ("02", "2") or name as people write it ("Tày", "tay", "H'Mông", "Khmer").</summary>
    public static Ethnicity From(string? text, string field = "ethnicity")
    {
        if (string.IsNullOrWhiteSpace(text)) throw new ValidationFailedException(field, "An ethnicity (dân tộc) is required, e.g. Kinh, Tày, Nùng.");
        var trimmed = text.Trim();
        if (int.TryParse(trimmed, out var number) && number is >= 1 and <= 54) return All[number - 1];
        return ByKey.TryGetValue(Key(trimmed), out var found)
            ? found
            : throw new ValidationFailedException(field, $"'{trimmed}' is not one of Vietnam's 54 ethnic groups; write it as in the list (Kinh, Tày, Nùng, Dao, Mông, …) or by its code 01-54.");
    }

    private static string Key(string text) => new(VietnameseText.Fold(text).Where(char.IsLetterOrDigit).ToArray());

    private static Dictionary<string, Ethnicity> BuildIndex()
    {
        var index = All.ToDictionary(e => Key(e.Name));
        foreach (var (alias, code) in Aliases) index.TryAdd(alias, All[int.Parse(code) - 1]);
        return index;
    }
}
