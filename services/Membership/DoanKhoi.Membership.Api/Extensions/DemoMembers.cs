using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;

namespace DoanKhoi.Membership.Extensions;

/// <summary>The demo data set's members: about 3,000 plausible young people of Lạng Sơn in the 43
/// demo units (Tày, Nùng and Kinh, a few Dao, Mông and Sán Chay), each unit with its Bí thư, Phó Bí
/// thư and committee, some Party members and some recommended to the Party, a few in transfer, a few
/// turning 30 in the coming months, a few who matured out or left. Made through the domain
/// (<see cref="Member.Register"/>, <see cref="Transfer.Issue"/>, …), so every step raises the same
/// events as through the API. A unit's people come from a Random seeded with the unit's place in the
/// list: the same people on every load; their dates are counted from the first day of the month of
/// loading, so that the maturity list always has someone on it.</summary>
public static partial class DemoMembers
{
    /// <summary>How many members the demo units have between them (those who left included).</summary>
    public const int Total = 3000;

    /// <summary>The demo member (account <c>doanvien</c>): in the unit the demo secretary <c>bithu</c> holds.</summary>
    public const string DemoMemberName = "Hoàng Thị Thu Trang";

    private const int Seed = 20_261_126;
    private const string By = "system:demo-data";

    public sealed record DemoUnit(Unit Unit, IReadOnlyList<Branch> Branches);

    /// <summary>Adds the members of every unit, saving once per unit (the caller commits).</summary>
    public static async Task<int> LoadAsync(MembershipDbContext db, IReadOnlyList<DemoUnit> units, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var anchor = new DateOnly(today.Year, today.Month, 1);
        var sizes = Sizes(units);
        var count = 0;
        for (var i = 0; i < units.Count; i++)
        {
            var random = new Random(Seed + i);
            var people = Enumerable.Range(0, sizes[i]).Select(j => Person.Draw(random, units[i], i, j, anchor)).ToList();
            if (units[i].Unit.Id == DemoIds.Of(DemoIds.FirstUnitCode)) people[0] = Person.DemoMember(units[i], i, anchor);
            GivePosts(people, random, anchor);
            foreach (var person in people)
            {
                var member = person.Create(units[i], now);
                db.Members.Add(member);
                Live(db, member, person, units, i, random, today, now);
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            count += people.Count;
        }
        return count;
    }

    /// <summary>Schools are big, a "Chi đoàn" small; the sizes add up to <see cref="Total"/>.</summary>
    private static int[] Sizes(IReadOnlyList<DemoUnit> units)
    {
        var random = new Random(Seed);
        var weights = units.Select(u => u.Unit.Kind switch
        {
            Contracts.Membership.UnitKind.School => 4.0 + random.NextDouble() * 2,
            Contracts.Membership.UnitKind.Enterprise => 1.2 + random.NextDouble(),
            _ when u.Unit.Name.StartsWith("Chi đoàn", StringComparison.Ordinal) => 0.3 + random.NextDouble() * 0.3,
            _ => 0.6 + random.NextDouble() * 0.9,
        }).ToArray();
        var sum = weights.Sum();
        var sizes = weights.Select(w => Math.Max(12, (int)Math.Round(Total * w / sum))).ToArray();
        sizes[Array.IndexOf(weights, weights.Max())] += Total - sizes.Sum();
        return sizes;
    }

    /// <summary>The unit's committee (Ban Chấp hành, nhiệm kỳ 2022–2027): a Bí thư, one or two Phó Bí
    /// thư, a few Ủy viên, chosen among the settled active members of 24 and over.</summary>
    private static void GivePosts(List<Person> people, Random random, DateOnly anchor)
    {
        var congress = new DateOnly(2022, 3, 1).AddDays(random.Next(0, 120));
        var candidates = people.Where(p => p.Fate == Fate.Stays && UnionAge.On(p.DateOfBirth, anchor) is >= 24 and <= 30 && !p.IsDemoMember)
            .OrderBy(_ => random.Next()).ToList();
        var committee = Math.Clamp(people.Count / 12, 2, 7);
        var deputies = people.Count > 60 ? 2 : 1;
        for (var k = 0; k < candidates.Count && k < 1 + deputies + committee; k++)
        {
            var post = k == 0 ? UnionPost.Secretary : k <= deputies ? UnionPost.DeputySecretary : UnionPost.CommitteeMember;
            candidates[k].Post = new UnionPostTerm(post, congress, congress.AddYears(5).AddDays(-1));
        }
    }

    /// <summary>What happened to the member since joining, each step through the domain.</summary>
    private static void Live(MembershipDbContext db, Member member, Person person, IReadOnlyList<DemoUnit> units, int unitIndex, Random random, DateOnly today, DateTimeOffset now)
    {
        Decision On(DateOnly day) => new(day, By, now);
        DateOnly After(DateOnly day, int minDays, int maxDays) => Min(today, day.AddDays(random.Next(minDays, maxDays)));

        if (person.Post is { } post) member.SetPosts([post], On(post.From));
        switch (person.Party)
        {
            case PartyPath.Recommended:
                member.RecommendToParty($"{random.Next(1, 90)}-QĐ/ĐTN", On(After(today, -240, -20)));
                break;
            case PartyPath.RecommendedAndAdmitted:
                var recommended = After(today, -420, -300);
                member.RecommendToParty($"{random.Next(1, 90)}-QĐ/ĐTN", On(recommended));
                member.DecidePartyAdmission(true, On(After(recommended, 90, 200)));
                break;
        }

        var joined = member.JoinedUnionOn;
        switch (person.Fate)
        {
            case Fate.InTransfer:
            {
                var to = OtherUnit(units, unitIndex, random);
                db.Transfers.Add(Transfer.Issue(member, to.Unit, $"{random.Next(1, 60)}/GGT-ĐTN", On(Max(joined, After(today, -40, -1)))));
                break;
            }
            case Fate.TransferredBefore:
            {
                var to = OtherUnit(units, unitIndex, random);
                var issued = Max(joined.AddDays(30), After(today, -700, -60));
                var transfer = Transfer.Issue(member, to.Unit, $"{random.Next(1, 60)}/GGT-ĐTN", On(issued));
                var branch = to.Branches.Count > 0 && random.NextDouble() < 0.8 ? to.Branches[random.Next(to.Branches.Count)] : null;
                transfer.Accept(member, to.Unit, branch, On(After(issued, 3, 25)));
                db.Transfers.Add(transfer);
                break;
            }
            case Fate.Matured:
                member.Mature(On(Max(UnionAge.PastMaximum(member.DateOfBirth), After(UnionAge.PastMaximum(member.DateOfBirth), 10, 120))));
                break;
            case Fate.Left:
            {
                var on = Max(joined.AddDays(30), After(today, -400, -20));
                var (reason, note) = random.Next(4) switch
                {
                    0 => (LeaveReason.TransferredOut, $"Giấy giới thiệu sinh hoạt Đoàn số {random.Next(1, 60)}/GGT-ĐTN, chuyển về Đoàn xã nơi cư trú"),
                    1 => (LeaveReason.Removed, $"Bỏ sinh hoạt quá 6 tháng; Quyết định xóa tên số {random.Next(1, 40)}-QĐ/ĐTN"),
                    _ => (LeaveReason.MovedAway, random.Next(2) == 0 ? "Chuyển công tác về tỉnh Cao Bằng" : "Nghỉ việc, chuyển về Hà Nội"),
                };
                member.Leave(reason, note, On(on));
                break;
            }
        }
    }

    private static DemoUnit OtherUnit(IReadOnlyList<DemoUnit> units, int unitIndex, Random random)
    {
        var other = random.Next(units.Count - 1);
        return units[other >= unitIndex ? other + 1 : other];
    }

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
