using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Membership.Extensions;

/// <summary>Section "Demo": <c>Load=true</c> fills an empty organisation with the demo data set.</summary>
public sealed class DemoDataOptions
{
    public bool Load { get; set; }
}

/// <summary>Loads a plausible Lạng Sơn bloc (5 emulation clusters, the 43 grassroots units that receive
/// the programme, a few branches, about 3,000 members: <see cref="DemoMembers"/>) into an empty database, through the domain so that every other
/// service hears of it through the usual events. Does nothing when the organisation is not empty.</summary>
public sealed class DemoDataLoader(IServiceScopeFactory scopes, IOptions<DemoDataOptions> options, TimeProvider clock, ILogger<DemoDataLoader> logger) : IHostedService
{
    private static readonly (string Code, string Name)[] Clusters =
    [
        ("CUM-01", "Cụm thi đua số 1 - Khối tổng hợp"),
        ("CUM-02", "Cụm thi đua số 2 - Khối kinh tế"),
        ("CUM-03", "Cụm thi đua số 3 - Khối văn hóa - xã hội"),
        ("CUM-04", "Cụm thi đua số 4 - Khối nội chính"),
        ("CUM-05", "Cụm thi đua số 5 - Khối doanh nghiệp và trường học"),
    ];

    private static readonly (int Cluster, UnitKind Kind, string Name)[] Units =
    [
        (1, UnitKind.Agency, "Đoàn Thanh niên Văn phòng Tỉnh ủy"),
        (1, UnitKind.Agency, "Đoàn Thanh niên Văn phòng UBND tỉnh"),
        (1, UnitKind.Agency, "Chi đoàn Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
        (1, UnitKind.Agency, "Đoàn Thanh niên Sở Nội vụ"),
        (1, UnitKind.Agency, "Đoàn Thanh niên Sở Ngoại vụ"),
        (1, UnitKind.Agency, "Đoàn Thanh niên Sở Kế hoạch và Đầu tư"),
        (1, UnitKind.Agency, "Đoàn Thanh niên Sở Tài chính"),
        (1, UnitKind.Agency, "Chi đoàn Cục Thống kê tỉnh"),
        (2, UnitKind.Agency, "Đoàn Thanh niên Sở Công Thương"),
        (2, UnitKind.Agency, "Đoàn Thanh niên Sở Nông nghiệp và Phát triển nông thôn"),
        (2, UnitKind.Agency, "Đoàn Thanh niên Sở Giao thông vận tải"),
        (2, UnitKind.Agency, "Đoàn Thanh niên Sở Xây dựng"),
        (2, UnitKind.Agency, "Đoàn Thanh niên Sở Tài nguyên và Môi trường"),
        (2, UnitKind.Agency, "Đoàn Thanh niên Ban Quản lý Khu kinh tế cửa khẩu Đồng Đăng - Lạng Sơn"),
        (2, UnitKind.Agency, "Đoàn Thanh niên Cục Thuế tỉnh"),
        (2, UnitKind.Agency, "Đoàn Thanh niên Cục Hải quan tỉnh"),
        (2, UnitKind.Agency, "Chi đoàn Kho bạc Nhà nước Lạng Sơn"),
        (3, UnitKind.Agency, "Đoàn Thanh niên Sở Y tế"),
        (3, UnitKind.Agency, "Đoàn Thanh niên Bệnh viện Đa khoa tỉnh"),
        (3, UnitKind.Agency, "Đoàn Thanh niên Sở Lao động - Thương binh và Xã hội"),
        (3, UnitKind.Agency, "Đoàn Thanh niên Sở Văn hóa, Thể thao và Du lịch"),
        (3, UnitKind.Agency, "Đoàn Thanh niên Sở Thông tin và Truyền thông"),
        (3, UnitKind.Agency, "Đoàn Thanh niên Sở Khoa học và Công nghệ"),
        (3, UnitKind.Agency, "Đoàn Thanh niên Đài Phát thanh và Truyền hình tỉnh"),
        (3, UnitKind.Agency, "Chi đoàn Báo Lạng Sơn"),
        (3, UnitKind.Agency, "Đoàn Thanh niên Bảo hiểm xã hội tỉnh"),
        (4, UnitKind.Agency, "Đoàn Thanh niên Sở Tư pháp"),
        (4, UnitKind.Agency, "Chi đoàn Thanh tra tỉnh"),
        (4, UnitKind.Agency, "Đoàn Thanh niên Tòa án nhân dân tỉnh"),
        (4, UnitKind.Agency, "Đoàn Thanh niên Viện Kiểm sát nhân dân tỉnh"),
        (5, UnitKind.Enterprise, "Đoàn Thanh niên Công ty Điện lực Lạng Sơn"),
        (5, UnitKind.Enterprise, "Đoàn Thanh niên Viễn thông Lạng Sơn"),
        (5, UnitKind.Enterprise, "Đoàn Thanh niên Viettel Lạng Sơn"),
        (5, UnitKind.Enterprise, "Chi đoàn Bưu điện tỉnh Lạng Sơn"),
        (5, UnitKind.Enterprise, "Đoàn Thanh niên Agribank chi nhánh Lạng Sơn"),
        (5, UnitKind.Enterprise, "Chi đoàn Ngân hàng Chính sách xã hội tỉnh"),
        (5, UnitKind.Enterprise, "Chi đoàn BIDV chi nhánh Lạng Sơn"),
        (5, UnitKind.Enterprise, "Chi đoàn Vietcombank chi nhánh Lạng Sơn"),
        (5, UnitKind.Enterprise, "Đoàn Thanh niên Công ty Cổ phần Xi măng Đồng Bành"),
        (5, UnitKind.School, "Đoàn Trường Cao đẳng Sư phạm Lạng Sơn"),
        (5, UnitKind.School, "Đoàn Trường Cao đẳng Y tế Lạng Sơn"),
        (5, UnitKind.School, "Đoàn Trường Cao đẳng nghề Công nghệ và Nông lâm Đông Bắc"),
        (5, UnitKind.School, "Đoàn Trường Chính trị Hoàng Văn Thụ"),
    ];

    public static int UnitCount => Units.Length;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Load) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<MembershipDbContext>();
        if (await db.Clusters.AnyAsync(cancellationToken))
        {
            logger.LogInformation("Demo data not loaded: the organisation already has clusters");
            return;
        }

        using var actor = AuditActor.Use("system:demo-data");
        var started = clock.GetTimestamp();
        var members = 0;
        // All or nothing: a start interrupted half-way leaves an empty organisation, loaded again next time.
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var units = await LoadOrganisationAsync(db, cancellationToken);
            members = await DemoMembers.LoadAsync(db, units, VietnamTime.Today(clock), clock.GetUtcNow(), cancellationToken);
            db.ChangeTracker.Clear();
            await DemoEvaluations.LoadAsync(db, VietnamTime.Today(clock), clock.GetUtcNow(), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        logger.LogInformation("Loaded the demo organisation: {Clusters} clusters, {Units} units, {Members} members in {Elapsed:0.0} s",
            Clusters.Length, Units.Length, members, clock.GetElapsedTime(started).TotalSeconds);
    }

    private async Task<List<DemoMembers.DemoUnit>> LoadOrganisationAsync(MembershipDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var clusters = Clusters.Select(c => Cluster.Create(OrganisationCode.From(c.Code), OrganisationName.From(c.Name), now, DemoIds.Of(c.Code))).ToList();
        foreach (var cluster in clusters)
        {
            db.Clusters.Add(cluster);
            db.AddEvent(new ClusterCreated { Cluster = cluster.ToSnapshot(), OccurredAt = now }, clock);
        }

        var codes = new HashSet<string>();
        var units = new List<DemoMembers.DemoUnit>();
        foreach (var (clusterNumber, kind, name) in Units)
        {
            var code = UniqueCode(name, codes);
            var unit = Unit.Create(OrganisationCode.From(code), OrganisationName.From(name), kind, clusters[clusterNumber - 1], now, DemoIds.Of(code));
            db.Units.Add(unit);
            db.AddEvent(new UnitCreated { Unit = unit.ToSnapshot(), OccurredAt = now }, clock);
            var branches = new List<Branch>();
            if (!name.StartsWith("Chi đoàn", StringComparison.Ordinal))
            {
                foreach (var branchName in new[] { "Chi đoàn Văn phòng", "Chi đoàn Chuyên môn" })
                {
                    var branch = Branch.Create(unit, OrganisationName.From(branchName), now);
                    db.Branches.Add(branch);
                    db.AddEvent(new BranchCreated { Branch = branch.ToSnapshot(), OccurredAt = now }, clock);
                    branches.Add(branch);
                }
            }
            units.Add(new DemoMembers.DemoUnit(unit, branches));
        }

        await db.SaveChangesAsync(cancellationToken);
        db.ChangeTracker.Clear();
        return units;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>"Đoàn Thanh niên Sở Y tế" → "DTN-SYT", "Chi đoàn Báo Lạng Sơn" → "CD-BLS": the initials of the union part and of the host.</summary>
    private static string UniqueCode(string name, HashSet<string> taken)
    {
        var words = VietnameseText.Fold(name).Split(' ', '-', ',').Where(w => w.Length > 0).ToList();
        var prefixLength = words[1] == "thanh" ? 3 : 2; // "doan thanh nien", "chi doan", "doan truong"
        var prefix = string.Concat(words.Take(prefixLength).Select(w => w[0])).ToUpperInvariant();
        var host = string.Concat(words.Skip(prefixLength).Where(w => w != "va").Select(w => w[0])).ToUpperInvariant();
        var code = $"{prefix}-{host}";
        for (var i = 2; !taken.Add(code); i++) code = $"{prefix}-{host}{i}";
        return code;
    }
}
