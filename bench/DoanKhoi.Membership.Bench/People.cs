using DoanKhoi.Text;

namespace DoanKhoi.Membership.Bench;

/// <summary>One generated person, as the members table holds them.</summary>
public readonly record struct Person(
    string Name, string Folded, DateOnly Born, bool Female, string Ethnicity, string CitizenId, string? Phone, string? Email,
    DateOnly Joined, string Status, string Party, DateOnly? LeftOn);

/// <summary>Plausible young people of Lạng Sơn (Tày, Nùng, Kinh; some Dao, Mông, Sán Chay) aged 18 to
/// 30, with a CCCD that agrees with the date of birth and gender, unique across the run and apart from
/// the demo data set's (the six last digits count from 100,000 within each prefix).</summary>
public sealed class People(Random random, DateOnly today, int firstSerial = 100_000)
{
    private static readonly string[] TayFamilies = ["Hoàng", "Hoàng", "Nông", "Nông", "Lương", "Vi", "Hà", "Lăng", "Chu", "Hứa", "Đinh", "Lành", "Bế", "Lộc", "Nguyễn"];
    private static readonly string[] NungFamilies = ["Hoàng", "Lăng", "Mã", "Triệu", "Vy", "Lộc", "Nông", "Chu", "Hà", "Đàm", "Lý", "Mạc", "Dương", "Lục"];
    private static readonly string[] KinhFamilies = ["Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Đinh", "Phan"];
    private static readonly string[] DaoFamilies = ["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo"];
    private static readonly string[] MongFamilies = ["Giàng", "Vàng", "Sùng", "Thào", "Lý", "Hầu", "Lầu"];
    private static readonly string[] SanChayFamilies = ["Hoàng", "Lục", "Nịnh", "La", "Trần", "Ninh", "Đàm"];
    private static readonly string[] FemaleMiddles = ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Hồng", "Thanh", "Phương", "Minh", "Diệu"];
    private static readonly string[] MaleMiddles = ["Văn", "Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Thế", "Xuân", "Tiến", "Mạnh", "Ngọc", "Thanh"];
    private static readonly string[] FemaleGivens =
    [
        "Anh", "Chi", "Dung", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Huyền", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Ngân", "Ngọc",
        "Nhung", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Uyên", "Yến", "Nga", "Tâm", "Vân", "Xuân", "Duyên", "Lụa", "Thu Trang", "Thanh Huyền",
        "Minh Anh", "Ngọc Ánh", "Phương Thảo", "Thu Hà", "Thùy Linh", "Hồng Nhung", "Kim Ngân", "Thu Hương", "Hải Yến", "Bích Ngọc",
    ];
    private static readonly string[] MaleGivens =
    [
        "Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Lâm", "Long", "Mạnh", "Nam", "Phong", "Quân",
        "Sơn", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Kiên", "Thịnh", "Tú", "Duy", "Lực", "Định",
    ];
    private static readonly string[] MobilePrefixes = ["098", "097", "096", "086", "036", "037", "038", "039", "091", "094", "088", "083", "081", "090", "093", "089", "070", "076", "078", "056", "058"];
    private static readonly string[] OtherProvinces = ["004", "006", "019", "024", "001"];

    private readonly Dictionary<string, string> _folded = [];
    private readonly Dictionary<string, int> _next = [];

    public Person Next(int n)
    {
        var female = random.NextDouble() < 0.52;
        var (ethnicity, families) = random.NextDouble() switch
        {
            < 0.42 => ("02", TayFamilies),
            < 0.72 => ("07", NungFamilies),
            < 0.92 => ("01", KinhFamilies),
            < 0.96 => ("09", DaoFamilies),
            < 0.98 => ("08", MongFamilies),
            _ => ("15", SanChayFamilies),
        };
        var family = Pick(families);
        var middle = female ? Pick(FemaleMiddles) : ethnicity == "08" ? "A" : Pick(MaleMiddles);
        var given = female ? Pick(FemaleGivens) : Pick(MaleGivens);
        var name = $"{family} {middle} {given}";
        var folded = $"{Fold(family)} {Fold(middle)} {Fold(given)}";

        var age = random.Next(18, 31);
        var born = today.AddYears(-age).AddDays(-random.Next(0, 365));
        var joined = born.AddYears(16 + random.Next(3)).AddDays(random.Next(0, 300));
        if (joined > today.AddDays(-30)) joined = today.AddDays(-30 - random.Next(0, 300));
        var roll = random.NextDouble();
        var (status, leftOn) = roll switch
        {
            < 0.02 when age == 30 => ("Matured", (DateOnly?)today.AddDays(-random.Next(0, 200))),
            < 0.01 => ("Left", today.AddDays(-random.Next(0, 400))),
            _ => ("Active", (DateOnly?)null),
        };
        if (leftOn < joined) leftOn = joined.AddDays(1);
        var party = random.NextDouble() switch { < 0.10 => "PartyMember", < 0.11 => "Recommended", _ => "None" };

        var province = random.NextDouble() < 0.88 ? "020" : Pick(OtherProvinces);
        var prefix = $"{province}{(born.Year >= 2000 ? 2 : 0) + (female ? 1 : 0)}{born.Year % 100:D2}";
        var serial = _next.TryGetValue(prefix, out var s) ? s : firstSerial;
        if (serial >= 1_000_000) throw new InvalidOperationException($"More than 900,000 people with the CCCD prefix {prefix}: the generator's serials are used up.");
        _next[prefix] = serial + 1;
        var citizenId = $"{prefix}{(serial * 7_919L + 104_729) % 1_000_000:D6}";

        var phone = random.NextDouble() < 0.9 ? Pick(MobilePrefixes) + random.Next(0, 10_000_000).ToString("D7") : null;
        var email = random.NextDouble() < 0.3 ? $"{Fold(given).Replace(" ", "")}.{Fold(family)}{n}@gmail.com" : null;
        return new Person(name, folded, born, female, ethnicity, citizenId, phone, email, joined, status, party, leftOn);
    }

    private string Fold(string part)
    {
        if (!_folded.TryGetValue(part, out var folded)) _folded[part] = folded = VietnameseText.Fold(part);
        return folded;
    }

    private string Pick(string[] choices) => choices[random.Next(choices.Length)];
}
