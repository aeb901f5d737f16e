using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;

namespace DoanKhoi.Membership.Extensions;

/// <summary>The demo's people: drawn with plausible names, ages, CCCDs and fates.</summary>
public static partial class DemoMembers
{
    private enum Fate { Stays, InTransfer, TransferredBefore, Matured, Left }

    private enum PartyPath { None, PartyMember, Recommended, RecommendedAndAdmitted }

    /// <summary>One demo person before they become a member: who they are and what becomes of them.</summary>
    private sealed class Person
    {
        public Guid Id { get; private init; }
        public string Name { get; private init; } = "";
        public DateOnly DateOfBirth { get; private init; }
        public Gender Gender { get; private init; }
        public Ethnicity Ethnicity { get; private init; } = null!;
        public string? CitizenId { get; private init; }
        public string? Phone { get; private init; }
        public string? Email { get; private init; }
        public DateOnly JoinedUnionOn { get; private init; }
        public string? CardNumber { get; private init; }
        public Branch? Branch { get; private init; }
        public string? AdmissionResolution { get; private init; }
        public Fate Fate { get; private init; }
        public PartyPath Party { get; private init; }
        public UnionPostTerm? Post { get; set; }
        public bool IsDemoMember { get; private init; }

        public Member Create(DemoUnit unit, DateTimeOffset now)
        {
            var profile = new MemberProfile(
                PersonName.From(Name), DateOfBirth, Gender, Ethnicity, Domain.Members.CitizenId.From(CitizenId), Phone, Email, JoinedUnionOn, CardNumber,
                IsCadre: false, Party == PartyPath.PartyMember ? Contracts.Membership.PartyStatus.PartyMember : Contracts.Membership.PartyStatus.None);
            var decision = new Decision(JoinedUnionOn, By, now);
            return AdmissionResolution is { } resolution
                ? Member.Admit(profile, unit.Unit, Branch, resolution, decision, Id)
                : Member.Register(profile, unit.Unit, Branch, decision, Id);
        }

        public static Person Draw(Random random, DemoUnit unit, int unitIndex, int index, DateOnly anchor)
        {
            var school = unit.Unit.Kind == Contracts.Membership.UnitKind.School;
            var femaleShare = school || unit.Unit.Name.Contains("Y tế", StringComparison.Ordinal) || unit.Unit.Name.Contains("Bệnh viện", StringComparison.Ordinal) ? 0.62 : 0.5;
            var gender = random.NextDouble() < femaleShare ? Gender.Female : Gender.Male;
            var ethnicity = DrawEthnicity(random);

            // Most are 18 to 30 (students 18 to 22); some turn 30 in the coming months, a few are past it.
            var roll = random.NextDouble();
            var fate = Fate.Stays;
            DateOnly born;
            if (roll < 0.04) born = anchor.AddYears(-UnionAge.Maximum).AddDays(random.Next(32, 176));      // turns 30 in 1 to 6 months
            else if (roll < 0.07) born = anchor.AddYears(-UnionAge.Maximum).AddDays(-random.Next(0, 365)); // 30: matures out within the year
            else if (roll < 0.085)
            {
                born = anchor.AddYears(-UnionAge.Maximum - 1 - random.Next(2)).AddDays(-random.Next(0, 365));
                fate = Fate.Matured;
            }
            else
            {
                var age = school && random.NextDouble() < 0.75 ? random.Next(18, 23)
                    : random.NextDouble() < 0.2 ? random.Next(21, 25) : random.Next(24, 30);
                born = anchor.AddYears(-age).AddDays(-random.Next(0, 365));
                var lifecycle = random.NextDouble();
                fate = lifecycle < 0.012 ? Fate.InTransfer : lifecycle < 0.022 ? Fate.TransferredBefore : lifecycle < 0.037 ? Fate.Left : Fate.Stays;
            }

            // Kết nạp at 16 to 18, in school; a few were admitted by the unit itself this year.
            var joined = born.AddYears(16 + random.Next(3)).AddDays(random.Next(0, 300));
            string? resolution = null;
            if (fate == Fate.Stays && UnionAge.On(born, anchor) is >= 18 and <= 28 && random.NextDouble() < (school ? 0.05 : 0.015))
            {
                joined = anchor.AddDays(-random.Next(20, 330));
                resolution = $"{random.Next(1, 80)}-NQ/ĐTN";
            }
            if (joined > anchor.AddDays(-60)) joined = anchor.AddDays(-60 - random.Next(0, 200));

            var ageNow = UnionAge.On(born, anchor);
            var party = fate is Fate.Matured or Fate.Left ? PartyPath.None : random.NextDouble() switch
            {
                var p when p < (ageNow >= 25 ? 0.14 : ageNow >= 21 ? 0.04 : 0.0) => PartyPath.PartyMember,
                var p when p > 0.955 && ageNow >= 20 => PartyPath.Recommended,
                var p when p > 0.945 && ageNow >= 21 => PartyPath.RecommendedAndAdmitted,
                _ => PartyPath.None,
            };

            var (family, middle, given) = DrawName(random, ethnicity.Code, gender);
            var name = $"{family} {middle} {given}";
            return new Person
            {
                Id = DemoIds.Of($"member/{unitIndex:D2}/{index:D4}"),
                Name = name,
                DateOfBirth = born,
                Gender = gender,
                Ethnicity = ethnicity,
                CitizenId = CitizenIdOf(random, born, gender, unitIndex, index),
                Phone = random.NextDouble() < 0.92 ? PhoneOf(random) : null,
                Email = random.NextDouble() < 0.45 ? EmailOf(random, given, family, middle, born) : null,
                JoinedUnionOn = joined,
                CardNumber = random.NextDouble() < 0.9 ? $"LS{joined.Year % 100:D2}{unitIndex + 1:D2}{index + 1:D4}" : null,
                Branch = unit.Branches.Count > 0 && random.NextDouble() < 0.85 ? unit.Branches[random.Next(unit.Branches.Count)] : null,
                AdmissionResolution = resolution,
                Fate = fate,
                Party = party,
            };
        }

        /// <summary>The demo member, the same whatever the seed draws: a Tày woman of 26 in the office branch.</summary>
        public static Person DemoMember(DemoUnit unit, int unitIndex, DateOnly anchor)
        {
            var born = new DateOnly(anchor.Year - 26, 5, 19);
            return new Person
            {
                Id = DemoIds.DemoMember,
                Name = DemoMemberName,
                DateOfBirth = born,
                Gender = Gender.Female,
                Ethnicity = Ethnicity.ByCode("02")!,
                CitizenId = $"020{(born.Year >= 2000 ? 3 : 1)}{born.Year % 100:D2}{Scramble(unitIndex * 1000 + 999):D6}",
                Phone = "0912345678",
                Email = "trang.hoangthithu@example.vn",
                JoinedUnionOn = born.AddYears(16).AddDays(130),
                CardNumber = $"LS{(born.Year + 16) % 100:D2}{unitIndex + 1:D2}0000",
                Branch = unit.Branches.FirstOrDefault(),
                Fate = Fate.Stays,
                Party = PartyPath.None,
                IsDemoMember = true,
            };
        }

        private static Ethnicity DrawEthnicity(Random random) => Ethnicity.ByCode(random.NextDouble() switch
        {
            < 0.42 => "02", // Tày
            < 0.72 => "07", // Nùng
            < 0.92 => "01", // Kinh
            < 0.96 => "09", // Dao
            < 0.98 => "08", // Mông
            _ => "15",      // Sán Chay
        })!;

        /// <summary>Province of birth registration (Lạng Sơn mostly, some from the neighbouring provinces),
        /// gender and century, year, then six digits unique to the person (a bijection of their place in the list).</summary>
        private static string CitizenIdOf(Random random, DateOnly born, Gender gender, int unitIndex, int index)
        {
            var province = random.NextDouble() < 0.88 ? "020" : Pick(random, ["004", "006", "019", "024", "001"]);
            var centuryAndGender = (born.Year >= 2000 ? 2 : 0) + (gender == Gender.Female ? 1 : 0);
            return $"{province}{centuryAndGender}{born.Year % 100:D2}{Scramble(unitIndex * 1000 + index):D6}";
        }

        private static int Scramble(int n) => (int)((n * 7_919L + 104_729) % 1_000_000);

        private static string PhoneOf(Random random) =>
            Pick(random, ["098", "097", "096", "086", "036", "037", "038", "039", "091", "094", "088", "083", "081", "090", "093", "089", "070", "076", "078", "056", "058"])
            + random.Next(0, 10_000_000).ToString("D7");

        private static string EmailOf(Random random, string given, string family, string middle, DateOnly born)
        {
            string Ascii(string s) => Text.VietnameseText.Fold(s).Replace(" ", "").Replace("'", "");
            var local = random.Next(3) switch
            {
                0 => $"{Ascii(given)}.{Ascii(family)}{born.Year % 100:D2}",
                1 => $"{Ascii(family)}{Ascii(middle)}{Ascii(given)}{random.Next(1, 999)}",
                _ => $"{Ascii(given)}{Ascii(family)}.ls",
            };
            return $"{local}@{Pick(random, ["gmail.com", "gmail.com", "gmail.com", "yahoo.com", "langson.gov.vn"])}";
        }

        private static (string Family, string Middle, string Given) DrawName(Random random, string ethnicity, Gender gender)
        {
            var female = gender == Gender.Female;
            switch (ethnicity)
            {
                case "08": // Mông
                    return (Pick(random, ["Giàng", "Vàng", "Sùng", "Thào", "Lý", "Hầu", "Lầu"]), female ? "Thị" : "A",
                        female ? Pick(random, ["Mỷ", "Dợ", "Súa", "Pà", "Chở", "Mai", "Sinh", "Dua"]) : Pick(random, ["Páo", "Chứ", "Dế", "Sử", "Lử", "Tủa", "Pó", "Sính"]));
                case "09": // Dao
                    return (Pick(random, ["Triệu", "Bàn", "Đặng", "Lý", "Phùng", "Chảo", "Triệu"]), female ? Pick(random, ["Thị", "Thị", "Mùi"]) : Pick(random, ["Văn", "Tài", "Quý"]),
                        female ? Pick(random, ["Mùi", "Xuân", "Hoa", "Nhất", "Lan", "Phương", "Thu"]) : Pick(random, ["Phú", "Quý", "Sinh", "Hiền", "Tiến", "Lưu", "Dương"]));
            }
            var family = ethnicity switch
            {
                "02" => Pick(random, ["Hoàng", "Hoàng", "Nông", "Nông", "Lương", "Vi", "Hà", "Lăng", "Chu", "Hứa", "Đinh", "Lành", "Bế", "Lộc", "Hoàng", "Nguyễn"]),
                "07" => Pick(random, ["Hoàng", "Lăng", "Mã", "Triệu", "Vy", "Lộc", "Nông", "Chu", "Hà", "Đàm", "Lý", "Mạc", "Dương", "Hoàng", "Lục"]),
                "15" => Pick(random, ["Hoàng", "Lục", "Nịnh", "La", "Trần", "Ninh", "Đàm"]),
                _ => Pick(random, ["Nguyễn", "Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng", "Vũ", "Đỗ", "Bùi", "Đặng", "Ngô", "Dương", "Đinh", "Phan"]),
            };
            var kinh = ethnicity == "01";
            if (female)
            {
                if (random.NextDouble() < 0.3)
                {
                    var pair = Pick(random, ["Thu Trang", "Thanh Huyền", "Minh Anh", "Ngọc Ánh", "Phương Thảo", "Thu Hà", "Thùy Linh", "Hồng Nhung", "Kim Ngân", "Thu Hương", "Hải Yến", "Bích Ngọc"]);
                    return (family, "Thị", pair);
                }
                return (family, random.NextDouble() < (kinh ? 0.55 : 0.75) ? "Thị" : Pick(random, ["Thu", "Ngọc", "Hồng", "Thanh", "Phương", "Minh", "Diệu"]),
                    Pick(random, ["Anh", "Chi", "Dung", "Hà", "Hằng", "Hạnh", "Hiền", "Hoa", "Huyền", "Hương", "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Ngân", "Ngọc",
                        "Nhung", "Phương", "Quỳnh", "Thảo", "Thủy", "Trang", "Uyên", "Yến", "Nga", "Tâm", "Vân", "Xuân", "Duyên", "Lụa"]));
            }
            return (family, random.NextDouble() < (kinh ? 0.5 : 0.7) ? "Văn" : Pick(random, ["Đức", "Minh", "Quang", "Hữu", "Thế", "Xuân", "Tiến", "Mạnh", "Ngọc", "Thanh"]),
                Pick(random, ["Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hoàng", "Hùng", "Huy", "Khánh", "Lâm", "Long", "Mạnh", "Nam", "Phong", "Quân",
                    "Sơn", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt", "Vinh", "Kiên", "Thịnh", "Tú", "Duy", "Lực", "Định"]));
        }

        private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
    }
}
