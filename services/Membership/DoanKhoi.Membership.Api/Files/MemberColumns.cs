using DoanKhoi.Text;

namespace DoanKhoi.Membership.Files;

/// <summary>A column of a member sheet: the header the template and the export write, the other
/// spellings units' own sheets use (matched without diacritics, case or spaces), and what the guide
/// sheet says about it.</summary>
public sealed record MemberColumn(string Field, string Header, bool Required, string Explanation, string Example, params string[] Spellings)
{
    /// <summary>The header as it is matched: folded, letters and digits only ("Số CCCD" → "socccd").</summary>
    public static string Key(string? header) => new(VietnameseText.Fold(header ?? "").Where(char.IsLetterOrDigit).ToArray());
}

/// <summary>The vocabulary of member sheets, in one place: the import reads these headers in any order
/// (title rows above the header are skipped), the template and the export write them.</summary>
public static class MemberColumns
{
    public static readonly MemberColumn FullName = new("fullName", "Họ và tên", true,
        "Họ, chữ đệm và tên, có dấu (full name, family name first).", "Hoàng Thị Thu Trang",
        "Họ tên", "Họ và tên đoàn viên", "Tên đoàn viên", "Full name", "Name");
    public static readonly MemberColumn DateOfBirth = new("dateOfBirth", "Ngày sinh", true,
        "dd/MM/yyyy, hoặc ô ngày tháng của Excel (date of birth).", "15/03/1998",
        "Ngày tháng năm sinh", "Sinh ngày", "Date of birth", "Birth date");
    public static readonly MemberColumn Gender = new("gender", "Giới tính", true,
        "Nam hoặc Nữ (male or female).", "Nữ",
        "Phái", "Gender", "Sex");
    public static readonly MemberColumn Ethnicity = new("ethnicity", "Dân tộc", true,
        "Tên một trong 54 dân tộc (Kinh, Tày, Nùng, Dao, Mông…) hoặc mã 01-54. Dữ liệu cá nhân nhạy cảm (Nghị định 13/2023/NĐ-CP).", "Tày",
        "Ethnicity", "Ethnic group");
    public static readonly MemberColumn CitizenId = new("citizenId", "Số CCCD", false,
        "12 chữ số; phải khớp năm sinh và giới tính. Dùng để nhận ra đoàn viên đã có (the citizen ID).", "020198001234",
        "CCCD", "Căn cước công dân", "Số căn cước", "Số căn cước công dân", "CMND/CCCD", "Số CMND/CCCD", "Số định danh", "Citizen ID");
    public static readonly MemberColumn Phone = new("phone", "Số điện thoại", false,
        "Di động Việt Nam: 10 chữ số bắt đầu bằng 0, hoặc +84.", "0912345678",
        "Điện thoại", "SĐT", "Số ĐT", "Di động", "Phone");
    public static readonly MemberColumn Email = new("email", "Email", false,
        "Địa chỉ thư điện tử.", "trang.ht@langson.gov.vn",
        "E-mail", "Thư điện tử", "Địa chỉ email");
    public static readonly MemberColumn JoinedUnionOn = new("joinedUnionOn", "Ngày vào Đoàn", true,
        "dd/MM/yyyy: ngày kết nạp vào Đoàn (date joined the Union).", "26/03/2014",
        "Ngày kết nạp", "Ngày kết nạp Đoàn", "Ngày kết nạp vào Đoàn", "Ngày vào Đoàn TNCS HCM", "Joined");
    public static readonly MemberColumn CardNumber = new("cardNumber", "Số thẻ đoàn viên", false,
        "Chữ và số, tối đa 20 ký tự.", "DV0001",
        "Số thẻ", "Số thẻ Đoàn", "Thẻ đoàn viên", "Card number");
    public static readonly MemberColumn Unit = new("unit", "Đơn vị", false,
        "Mã hoặc tên cơ sở Đoàn. Bắt buộc khi Văn phòng Đoàn Khối nhập nhiều đơn vị trong một tệp; khi nhập cho một đơn vị, bỏ trống hoặc ghi đúng đơn vị đó.", "DCS-SYT",
        "Cơ sở Đoàn", "Tên đơn vị", "Đơn vị cơ sở", "Unit");
    public static readonly MemberColumn UnitCode = new("unitCode", "Mã đơn vị", false,
        "Mã cơ sở Đoàn (như DCS-SYT); nếu có, được dùng thay cho cột Đơn vị.", "",
        "Mã cơ sở", "Mã cơ sở Đoàn", "Unit code");
    public static readonly MemberColumn Branch = new("branch", "Chi đoàn", false,
        "Tên chi đoàn của đơn vị, như đã tạo trong hệ thống; bỏ trống nếu không có.", "Chi đoàn Văn phòng",
        "Tên chi đoàn", "Branch");
    public static readonly MemberColumn Post = new("post", "Chức vụ", false,
        "Bí thư, Phó Bí thư, Ủy viên BCH; bỏ trống nếu là đoàn viên.", "",
        "Chức vụ Đoàn", "Chức vụ trong Đoàn", "Post");
    public static readonly MemberColumn PostFrom = new("postFrom", "Giữ chức vụ từ ngày", false,
        "dd/MM/yyyy: ngày bắt đầu nhiệm kỳ của chức vụ; bỏ trống thì tính từ ngày nhập.", "",
        "Từ ngày", "Ngày giữ chức vụ", "Nhiệm kỳ từ");
    public static readonly MemberColumn IsCadre = new("isCadre", "Cán bộ Đoàn", false,
        "x, Có hoặc bỏ trống.", "",
        "Là cán bộ Đoàn", "Cadre");
    public static readonly MemberColumn PartyStatus = new("partyStatus", "Đảng viên", false,
        "x hoặc Có (đảng viên); Giới thiệu (đã giới thiệu đoàn viên ưu tú cho Đảng); bỏ trống nếu không.", "",
        "Là đảng viên", "Đảng", "Tình trạng Đảng", "Party member", "Party status");

    /// <summary>Written by the export only; the import ignores it.</summary>
    public static readonly MemberColumn Status = new("status", "Trạng thái", false, "", "");

    /// <summary>The columns the import reads, in the template's order.</summary>
    public static readonly IReadOnlyList<MemberColumn> Imported =
        [FullName, DateOfBirth, Gender, Ethnicity, CitizenId, Phone, Email, JoinedUnionOn, CardNumber, Unit, UnitCode, Branch, Post, PostFrom, IsCadre, PartyStatus];

    private static readonly Dictionary<string, MemberColumn> ByKey = BuildIndex();

    /// <summary>The column a header names, whatever its spelling; null for one the import does not read (STT, Ghi chú…).</summary>
    public static MemberColumn? Find(string? header) => ByKey.GetValueOrDefault(MemberColumn.Key(header));

    private static Dictionary<string, MemberColumn> BuildIndex()
    {
        var index = new Dictionary<string, MemberColumn>(StringComparer.Ordinal);
        foreach (var column in Imported)
            foreach (var spelling in column.Spellings.Prepend(column.Header).Append(column.Field))
                index.TryAdd(MemberColumn.Key(spelling), column);
        return index;
    }
}
