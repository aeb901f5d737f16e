using DoanKhoi.Contracts.Inspection;
using DoanKhoi.Contracts.Membership;
using DoanKhoi.Inspection.Domain.Discipline;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Programme;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Domain.Standing;
using DoanKhoi.Inspection.Domain.Supervision;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Messaging;
using DoanKhoi.Messaging.Audit;
using DoanKhoi.Organisation;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace DoanKhoi.Inspection.Extensions;

/// <summary>What the demo's year of inspection and supervision holds (<see cref="DemoInspectionsLoader"/> loads
/// it once): the programme, the inspections with their findings, conclusions and recommendations, discipline,
/// social critique and forums, their days spread over the part of the year gone by.</summary>
internal static class DemoInspectionYear
{
    private const string Committee = DemoInspectionsLoader.Committee;
    private const string StandingCommittee = "thuongvu";
    private const string Evidence = "https://tailieu.doankhoi.example/kiem-tra";

    /// <summary>Adds the year to <paramref name="db"/> (saved by the caller); the units it concerns.</summary>
    public static async Task<List<Guid>> AddAsync(InspectionDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var today = VietnamTime.Today(clock);
        var year = today.Year;
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        var span = today.DayNumber - first.DayNumber;
        var units = await Spread(db, ct);
        var members = await db.Members.AsNoTracking().Where(m => m.Status == MemberStatus.Active && m.Id != DemoIds.DemoMember).ToListAsync(ct);

        // A share of the year gone by, as a day: the same order of days whatever day it is.
        DateOnly On(double share) => first.AddDays((int)(span * share));
        DateOnly Latest(DateOnly a, DateOnly b) => a > b ? a : b;
        DateOnly Earliest(DateOnly a, DateOnly b) => a < b ? a : b;
        // The moment something was done on a day, never later than now.
        DateTimeOffset At(DateOnly day, int hour = 9)
        {
            var at = new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(7));
            return (at < now ? at : now).ToUniversalTime();
        }
        UnitCopy U(int i) => units[i % units.Count];
        SubjectOf Subject(UnitCopy unit) => new(SubjectKind.Unit, unit.Id, unit.Id, unit.Name);
        List<SubjectOf> Subjects(params int[] indexes) => [.. indexes.Select(i => Subject(U(i))).DistinctBy(s => s.Id)];
        SubjectOf Nth(List<SubjectOf> subjects, int i) => subjects[Math.Min(i, subjects.Count - 1)];   // a small organisation names fewer
        List<string> Links(params string[] files) => [.. files.Select(f => $"{Evidence}/{year}/{f}")];
        string Secretary(UnitCopy unit) => unit.Code == DemoIds.FirstUnitCode ? "bithu" : $"bithu.{unit.Code.ToLowerInvariant()}";

        // The year's programme, written in the first days of January: a line for each inspection it intends.
        var programmed = At(Earliest(first.AddDays(5), today), 8);
        Domain.Inspections.Inspection Plan(InspectionKind kind, string topic, string number, DateOnly decided, DateOnly from, DateOnly to,
            List<SubjectOf> subjects, bool inProgramme = true, bool withStandingCommittee = false)
        {
            PlanItem? line = null;
            if (inProgramme)
                db.PlanItems.Add(line = PlanItem.Plan(year, kind, topic, (from.Month - 1) / 3 + 1, [.. subjects.Select(s => s.UnitId).Distinct()], null, programmed));
            var details = InspectionDetails.Of(kind, topic, number, decided, from, to, withStandingCommittee ? [Committee, StandingCommittee] : [Committee]);
            var inspection = Domain.Inspections.Inspection.Plan(details, subjects, line?.Id, At(decided, 8));
            db.Inspections.Add(inspection);
            return inspection;
        }

        Finding Find(Domain.Inspections.Inspection inspection, DateOnly on, SubjectOf subject, FindingSeverity severity, string description, bool violation,
            params string[] files) =>
            inspection.RecordFinding(subject.Id, FindingDetails.Of(severity, description, violation, Links(files)), Committee, At(on, 15));

        Recommendation Recommend(Domain.Inspections.Inspection inspection, SubjectOf to, string action, DateOnly due, params Finding[] answering)
        {
            var recommendation = Recommendation.Address(inspection, to.Id, action, Latest(due, inspection.ConcludedOn!.Value), [.. answering.Select(f => f.Id)],
                At(inspection.ConcludedOn!.Value, 16));
            db.Recommendations.Add(recommendation);
            return recommendation;
        }

        string SecretaryOf(Recommendation r) => Secretary(units.Single(u => u.Id == r.UnitId));

        // The unit reports it done two thirds of the way to the due day, and the committee verifies it days later; or
        // the unit reported it done these last days and it waits for the committee. Never after today.
        void Done(Recommendation r, string whatWasDone, string file, bool verified)
        {
            var concluded = db.Inspections.Local.Single(i => i.Id == r.InspectionId).ConcludedOn!.Value;
            var reported = Earliest(verified ? concluded.AddDays((r.DueOn.DayNumber - concluded.DayNumber) * 2 / 3) : Latest(today.AddDays(-2), concluded), today);
            r.Report(whatWasDone, Links(file), done: true, SecretaryOf(r), At(reported, 10));
            if (verified) r.Close(Committee, At(Earliest(reported.AddDays(4), today), 14));
        }

        // The unit reports what it is doing, not done yet.
        void Started(Recommendation r, string whatWasDone, DateOnly on) => r.Report(whatWasDone, [], done: false, SecretaryOf(r), At(Earliest(on, today), 10));

        // A: the statute, over four units, concluded in the first quarter or so; its recommendations done and verified.
        var statute = Subjects(0, 1, 2, 3);
        var statuteFrom = On(0.07);
        var a = Plan(InspectionKind.Thematic, "Kiểm tra việc thực hiện Điều lệ Đoàn và các nghị quyết, chỉ thị của Đoàn cấp trên",
            "03-QĐ/UBKTĐK", On(0.04), statuteFrom, On(0.14), statute);
        a.Start(statuteFrom, At(statuteFrom));
        var aMinor = Find(a, On(0.09), statute[0], FindingSeverity.Minor,
            "Sổ nghị quyết của Ban Chấp hành ghi chưa đầy đủ chữ ký người chủ trì, thư ký ở 2 kỳ họp.", false, "A-bien-ban-01.pdf");
        var aBooks = Find(a, On(0.10), Nth(statute, 1), FindingSeverity.Notable,
            "Sổ đoàn viên, sổ chi đoàn không cập nhật biến động: 6 đoàn viên đã chuyển đi vẫn có tên trong danh sách.", false, "A-bien-ban-02.pdf", "A-so-doan-vien.jpg");
        var aMeetings = Find(a, On(0.11), Nth(statute, 2), FindingSeverity.Notable,
            "Chi đoàn Phòng Tổng hợp không sinh hoạt định kỳ 3 tháng liền (tháng 10 đến tháng 12 năm trước), trái Điều 8 Điều lệ Đoàn.", true, "A-bien-ban-03.pdf");
        var aGood = Find(a, On(0.12), statute[^1], FindingSeverity.Minor,
            "Đơn vị thực hiện tốt Điều lệ Đoàn; hồ sơ đại hội chi đoàn lưu trữ chưa theo thứ tự thời gian.", false, "A-bien-ban-04.pdf");
        foreach (var subject in statute)
            a.Assess(subject.Id, AssessmentStage.Assessed, subject == Nth(statute, 2) ? "Thực hiện chưa nghiêm một số quy định về sinh hoạt chi đoàn." : "Thực hiện tốt Điều lệ Đoàn.",
                At(On(0.13)));
        a.Conclude("Các cơ sở Đoàn được kiểm tra cơ bản thực hiện đúng Điều lệ Đoàn và các nghị quyết, chỉ thị của Đoàn cấp trên. Còn một số tồn tại về "
                   + "sổ sách, hồ sơ đoàn viên và sinh hoạt chi đoàn định kỳ; Ủy ban Kiểm tra đề nghị các đơn vị khắc phục theo kiến nghị dưới đây.",
            On(0.16), At(On(0.16), 15));
        var a0 = Recommend(a, statute[0], "Bổ sung đầy đủ chữ ký, hoàn thiện sổ nghị quyết của Ban Chấp hành.", On(0.16).AddDays(30), aMinor);
        Done(a0, "Đã bổ sung chữ ký và rà soát toàn bộ sổ nghị quyết năm trước và năm nay.", "A-khac-phuc-01.pdf", verified: true);
        var a1 = Recommend(a, Nth(statute, 1), "Rà soát, cập nhật sổ đoàn viên và sổ chi đoàn; làm thủ tục chuyển sinh hoạt Đoàn cho đoàn viên đã chuyển đi.",
            On(0.16).AddDays(45), aBooks);
        Started(a1, "Đã rà soát xong 2/4 chi đoàn.", On(0.16).AddDays(15));
        Done(a1, "Đã cập nhật sổ đoàn viên, sổ chi đoàn của 4 chi đoàn; 6 đoàn viên đã được chuyển sinh hoạt.", "A-khac-phuc-02.pdf", verified: true);
        var a2 = Recommend(a, Nth(statute, 2), "Tổ chức kiểm điểm Ban Chấp hành chi đoàn Phòng Tổng hợp; duy trì sinh hoạt chi đoàn định kỳ hằng tháng.",
            On(0.16).AddDays(30), aMeetings);
        Done(a2, "Chi đoàn đã họp kiểm điểm, sinh hoạt đều từ tháng sau kết luận; gửi kèm biên bản các kỳ sinh hoạt.", "A-khac-phuc-03.pdf", verified: true);
        var a3 = Recommend(a, statute[^1], "Sắp xếp, lưu trữ hồ sơ đại hội chi đoàn theo quy định.", On(0.16).AddDays(20), aGood);
        Done(a3, "Đã sắp xếp lại hồ sơ đại hội theo thứ tự thời gian và lập danh mục.", "A-khac-phuc-04.pdf", verified: true);

        // B: supervision of admissions, with a youth forum heard during it; two recommendations overdue.
        var growth = Subjects(4, 5, 0);
        var growthFrom = On(0.30);
        var b = Plan(InspectionKind.Supervision, "Giám sát công tác phát triển đoàn viên và giới thiệu đoàn viên ưu tú cho Đảng xem xét kết nạp",
            "11-QĐ/UBKTĐK", On(0.26), growthFrom, On(0.38), growth, withStandingCommittee: true);
        b.Start(growthFrom, At(growthFrom));
        var bPlan = Find(b, On(0.32), growth[0], FindingSeverity.Notable,
            "Đơn vị chưa xây dựng kế hoạch phát triển đoàn viên năm; cả năm trước không kết nạp đoàn viên mới dù còn 14 thanh niên trong độ tuổi.", false,
            "B-bien-ban-01.pdf");
        var bDossier = Find(b, On(0.34), Nth(growth, 1), FindingSeverity.Minor,
            "Hồ sơ giới thiệu đoàn viên ưu tú cho Đảng thiếu nghị quyết của chi đoàn ở 2 trường hợp.", false, "B-bien-ban-02.pdf");
        var bParty = Find(b, On(0.35), growth[^1], FindingSeverity.Minor,
            "Chưa theo dõi, bồi dưỡng đoàn viên ưu tú sau khi giới thiệu cho chi bộ.", false, "B-bien-ban-03.pdf");
        b.Assess(growth[0].Id, AssessmentStage.Assessed, "Chưa đạt yêu cầu về phát triển đoàn viên.", At(On(0.37)));
        b.Conclude("Công tác phát triển đoàn viên ở các đơn vị được giám sát còn chậm, chưa có kế hoạch cụ thể; việc giới thiệu đoàn viên ưu tú cho Đảng "
                   + "cơ bản đúng quy trình nhưng hồ sơ chưa đầy đủ. Đề nghị các đơn vị thực hiện các kiến nghị đúng thời hạn.",
            On(0.40), At(On(0.40), 15));
        // Past its due day by more than a week and nothing reported: it has reached the bloc office.
        Recommend(b, growth[0], "Xây dựng và ban hành kế hoạch phát triển đoàn viên năm nay; báo cáo kết quả kết nạp đoàn viên mới.", today.AddDays(-25), bPlan);
        // Past its due day by a few days: the cluster lead is reminded.
        Recommend(b, Nth(growth, 1), "Bổ sung nghị quyết của chi đoàn vào hồ sơ giới thiệu đoàn viên ưu tú.", today.AddDays(-3), bDossier);
        var b2 = Recommend(b, growth[^1], "Phân công đảng viên, cán bộ Đoàn theo dõi, giúp đỡ đoàn viên ưu tú đã được giới thiệu.", today.AddDays(-12), bParty);
        Started(b2, "Đã phân công 2 đồng chí trong Ban Chấp hành theo dõi; đang chờ chi bộ cử đảng viên giúp đỡ.", On(0.55));
        var forum = YouthForum.Record("Diễn đàn \"Tiếng nói thanh niên\": đoàn viên, thanh niên khối cơ quan với công tác phát triển đoàn viên",
            On(0.33), null, 120,
            [
                new OpinionInput("Thanh niên hợp đồng ở các cơ quan chưa được giới thiệu sinh hoạt Đoàn, muốn được kết nạp.", "Phát triển đoàn viên"),
                new OpinionInput("Đề nghị tổ chức lớp cảm tình Đoàn ghép cho nhiều đơn vị trong cụm.", "Phát triển đoàn viên"),
                new OpinionInput("Mong có thêm hoạt động tình nguyện cuối tuần để thanh niên mới tham gia.", "Hoạt động"),
            ], today, At(On(0.33), 14));
        forum.LinkTo(b, At(On(0.33), 17));
        db.YouthForums.Add(forum);

        // C: union dues, with a serious violation whose recommendation is overdue (the serious finding stays open).
        var dues = Subjects(6, 7, 1);
        var duesFrom = On(0.55);
        var c = Plan(InspectionKind.Thematic, "Kiểm tra công tác quản lý đoàn viên, thu, nộp và quản lý đoàn phí",
            "18-QĐ/UBKTĐK", On(0.52), duesFrom, On(0.62), dues);
        c.Start(duesFrom, At(duesFrom));
        var cSerious = Find(c, On(0.57), dues[0], FindingSeverity.Serious,
            "Thu đoàn phí của đoàn viên nhưng không nộp lên Đoàn cấp trên 6 tháng liền; sổ thu, chi đoàn phí không ghi chép, không có chứng từ.", true,
            "C-bien-ban-01.pdf", "C-so-thu-chi.jpg");
        var cBooks = Find(c, On(0.58), Nth(dues, 1), FindingSeverity.Notable,
            "Không quản lý được số đoàn viên thực tế: danh sách đoàn viên chênh 9 người so với báo cáo số lượng gửi Đoàn Khối.", false, "C-bien-ban-02.pdf");
        var cLate = Find(c, On(0.60), dues[^1], FindingSeverity.Minor, "Nộp đoàn phí quý chậm so với quy định.", false, "C-bien-ban-03.pdf");
        foreach (var subject in dues)
            c.Assess(subject.Id, AssessmentStage.Assessed, subject.Id == dues[0].Id
                ? "Vi phạm nghiêm trọng quy định về thu, nộp và quản lý đoàn phí." : "Cơ bản thực hiện đúng quy định; còn tồn tại nhỏ.", At(On(0.61)));
        c.Conclude("Đoàn phí ở một đơn vị được thu nhưng không nộp lên cấp trên, sổ sách không có chứng từ: vi phạm quy định về thu, nộp và quản lý đoàn phí. "
                   + "Các đơn vị còn lại cơ bản thực hiện đúng, còn chậm nộp và chưa khớp số liệu đoàn viên.",
            On(0.64), At(On(0.64), 15));
        Recommend(c, dues[0], "Nộp đủ đoàn phí còn thiếu lên Đoàn cấp trên; lập lại sổ thu, chi đoàn phí có chứng từ; kiểm điểm trách nhiệm Ban Chấp hành.",
            today.AddDays(-12), cSerious);
        var c1 = Recommend(c, Nth(dues, 1), "Rà soát, đối chiếu danh sách đoàn viên với báo cáo số lượng; báo cáo Đoàn Khối số liệu đúng.",
            today.AddDays(20), cBooks);
        Started(c1, "Đã đối chiếu xong danh sách 3/5 chi đoàn.", On(0.80));
        // Due within the week: the unit's secretary is reminded.
        Recommend(c, dues[^1], "Nộp đoàn phí đúng hạn hằng quý.", today.AddDays(5), cLate);

        // D: reports to the bloc, concluded lately.
        var reports = Subjects(8, 2);
        var reportsFrom = On(0.72);
        var d = Plan(InspectionKind.Supervision, "Giám sát việc thực hiện chế độ thông tin, báo cáo của cơ sở Đoàn",
            "24-QĐ/UBKTĐK", On(0.69), reportsFrom, On(0.78), reports);
        d.Start(reportsFrom, At(reportsFrom));
        var dLate = Find(d, On(0.74), reports[0], FindingSeverity.Minor, "Báo cáo tháng gửi chậm 3 kỳ, báo cáo 6 tháng thiếu số liệu.", false, "D-bien-ban-01.pdf");
        var dFigures = Find(d, On(0.76), reports[^1], FindingSeverity.Notable,
            "Số liệu hoạt động trong báo cáo quý không khớp với hồ sơ lưu tại đơn vị.", false, "D-bien-ban-02.pdf");
        d.Conclude("Chế độ thông tin, báo cáo của các cơ sở được giám sát chưa nghiêm: còn gửi chậm, số liệu thiếu và chưa khớp hồ sơ.",
            On(0.80), At(On(0.80), 15));
        var d0 = Recommend(d, reports[0], "Gửi báo cáo đúng hạn theo lịch báo cáo của Đoàn Khối; phân công người theo dõi, tổng hợp số liệu.", today.AddDays(30), dLate);
        Done(d0, "Đã phân công Phó Bí thư phụ trách tổng hợp, báo cáo; hai kỳ báo cáo gần nhất gửi đúng hạn.", "D-khac-phuc-02.pdf", verified: false);
        var d1 = Recommend(d, reports[^1], "Rà soát, đính chính số liệu báo cáo quý.", On(0.80).AddDays(10), dFigures);
        Done(d1, "Đã gửi báo cáo đính chính số liệu quý kèm hồ sơ minh chứng.", "D-khac-phuc-01.pdf", verified: true);

        // E: on signs of violation, about a member, who is reprimanded (membership records it).
        if (members.Where(m => m.UnitId == U(9).Id).OrderBy(m => m.Id).ToList() is { Count: > 0 } ofUnit)
        {
            var person = ofUnit[ofUnit.Count / 2];
            var subjects = new List<SubjectOf> { new(SubjectKind.Person, person.Id, person.UnitId, person.FullName), Subject(U(9)) };
            var signsFrom = On(0.45);
            var e = Plan(InspectionKind.OnSignsOfViolation, "Kiểm tra đoàn viên khi có dấu hiệu vi phạm việc chấp hành Điều lệ Đoàn",
                "15-QĐ/UBKTĐK", On(0.43), signsFrom, On(0.48), subjects, inProgramme: false);
            e.Start(signsFrom, At(signsFrom));
            var violation = Find(e, On(0.46), subjects[0], FindingSeverity.Notable,
                "Đoàn viên bỏ sinh hoạt chi đoàn 4 kỳ liên tiếp không có lý do, không đóng đoàn phí 6 tháng; đã được chi đoàn nhắc nhở nhưng không khắc phục.",
                true, "E-bien-ban-01.pdf");
            var follow = Find(e, On(0.47), subjects[1], FindingSeverity.Minor, "Chi đoàn phát hiện nhưng chưa kịp thời báo cáo Ban Chấp hành Đoàn cơ sở.", false,
                "E-bien-ban-02.pdf");
            e.Conclude("Đoàn viên vi phạm Điều lệ Đoàn (bỏ sinh hoạt, không đóng đoàn phí); đề nghị xem xét kỷ luật bằng hình thức khiển trách.",
                On(0.49), At(On(0.49), 15));
            var e1 = Recommend(e, subjects[1], "Theo dõi, giúp đỡ đoàn viên sau kỷ luật; chấn chỉnh việc báo cáo kịp thời khi đoàn viên vi phạm.", On(0.49).AddDays(30), follow);
            Done(e1, "Chi đoàn đã phân công đoàn viên giúp đỡ; đoàn viên đã sinh hoạt đều và đóng đủ đoàn phí.", "E-khac-phuc-01.pdf", verified: true);
            var decided = Earliest(On(0.49).AddDays(7), today);
            db.Decisions.Add(DisciplinaryDecision.Decide(subjects[0], DisciplinaryMeasure.Reprimand, "21-QĐ/ĐTN", "Ban Thường vụ Đoàn Khối các cơ quan tỉnh",
                decided, decided, "Bỏ sinh hoạt chi đoàn 4 kỳ liên tiếp không có lý do và không đóng đoàn phí 6 tháng.", e, violation.Id, Committee, today,
                At(decided, 11)));
        }

        // F: a regular inspection of branch meetings, in progress: one unit assessed, one being inspected, a serious finding recorded.
        var branches = Subjects(10, 11, 3);
        var branchesFrom = On(0.90);
        var f = Plan(InspectionKind.Regular, "Kiểm tra việc sinh hoạt chi đoàn định kỳ và sổ sách của chi đoàn",
            "30-QĐ/UBKTĐK", On(0.87), branchesFrom, Earliest(Latest(today.AddDays(10), branchesFrom), last), branches);
        f.Start(branchesFrom, At(branchesFrom));
        Find(f, On(0.93), branches[0], FindingSeverity.Serious,
            "Chi đoàn Phòng Hành chính - Tổng hợp hết nhiệm kỳ 8 tháng chưa tổ chức đại hội; 2/3 ủy viên Ban Chấp hành đã chuyển công tác, chi đoàn không còn sinh hoạt.", true,
            "F-bien-ban-01.pdf");
        if (branches.Count > 1)
            Find(f, On(0.95), branches[1], FindingSeverity.Minor, "Sổ ghi biên bản sinh hoạt chi đoàn ghi sơ sài, thiếu nội dung thảo luận.", false, "F-bien-ban-02.pdf");
        f.Assess(branches[0].Id, AssessmentStage.Assessed, "Có chi đoàn yếu kém, cần củng cố ngay.", At(On(0.95), 16));
        if (branches.Count > 1) f.Assess(branches[1].Id, AssessmentStage.Inspecting, null, At(On(0.95), 16));

        // G: the fourth quarter's thematic inspection, planned.
        var youthMonth = Subjects(12, 13, 4);
        var youthFrom = Earliest(today.AddDays(14), new DateOnly(year, 12, 15));
        Plan(InspectionKind.Thematic, "Kiểm tra việc tổ chức các công trình, phần việc thanh niên và phong trào \"Thanh niên tình nguyện\"",
            "33-QĐ/UBKTĐK", Earliest(Latest(today.AddDays(-5), first), youthFrom), youthFrom, Earliest(youthFrom.AddDays(7), last), youthMonth);

        // Social critique: two sent (K14), one being drafted.
        var startup = SocialCritique.Receive("Dự thảo Nghị quyết của Hội đồng nhân dân tỉnh quy định chính sách hỗ trợ thanh niên khởi nghiệp trên địa bàn tỉnh",
            "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", On(0.15), today, At(On(0.15), 10));
        startup.SendOpinions("Đề nghị mở rộng đối tượng hỗ trợ cho thanh niên dưới 35 tuổi đang làm việc ở cơ quan nhà nước có dự án khởi nghiệp ngoài giờ; "
                             + "bổ sung tiêu chí ưu tiên dự án ở xã biên giới; đơn giản hóa hồ sơ vay vốn qua Quỹ hỗ trợ thanh niên.",
            On(0.20), today, At(On(0.20), 10));
        startup.RecordResponse("Tiếp thu ý kiến về tiêu chí ưu tiên xã biên giới và đơn giản hóa hồ sơ; giữ đối tượng theo quy định của Luật Thanh niên.",
            On(0.30), today, At(On(0.30), 10));
        var digital = SocialCritique.Receive("Dự thảo Kế hoạch chuyển đổi số trong các cơ quan Đảng, chính quyền tỉnh",
            "Sở Khoa học và Công nghệ tỉnh", On(0.58), today, At(On(0.58), 10));
        digital.SendOpinions("Đề nghị giao Đoàn Thanh niên các cơ quan làm nòng cốt \"Tổ công nghệ số cộng đồng\"; bổ sung chỉ tiêu tập huấn kỹ năng số cho cán bộ trẻ.",
            On(0.63), today, At(On(0.63), 10));
        var strategy = SocialCritique.Receive("Dự thảo Kế hoạch thực hiện Chiến lược phát triển thanh niên của tỉnh giai đoạn tới",
            "Sở Nội vụ tỉnh", On(0.94), today, At(On(0.94), 10));
        db.SocialCritiques.AddRange(startup, digital, strategy);

        // A unit's forum, not linked to an inspection.
        db.YouthForums.Add(YouthForum.Record(Cut($"Đối thoại thanh niên với chuyển đổi số - {U(5).Name}", YouthForum.TitleMaxLength), On(0.60), U(5).Id, 45,
            [
                new OpinionInput("Cần tập huấn sử dụng dịch vụ công trực tuyến cho cán bộ trẻ mới tuyển dụng.", "Chuyển đổi số"),
                new OpinionInput("Đề nghị số hóa sổ đoàn viên để giảm sổ sách giấy.", "Chuyển đổi số"),
            ], today, At(On(0.60), 15)));

        return [.. db.Inspections.Local.SelectMany(i => i.UnitIds).Distinct()];
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..length];

    /// <summary>The open units taken round the clusters (the first unit of each cluster, then the second of
    /// each, …), the demo secretary's unit first: the inspections reach every cluster, and the demo accounts
    /// see some of them.</summary>
    private static async Task<List<UnitCopy>> Spread(InspectionDbContext db, CancellationToken ct)
    {
        var units = await db.Units.AsNoTracking().Where(u => u.Status == UnitStatus.Open).ToListAsync(ct);
        var clusters = await db.Clusters.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.Code, ct);
        return [.. units.GroupBy(u => u.ClusterId)
            .SelectMany(g => g.OrderBy(u => u.Code == DemoIds.FirstUnitCode ? 0 : 1).ThenBy(u => u.Code, StringComparer.Ordinal)
                .Select((u, i) => (Unit: u, Round: i, Cluster: clusters.GetValueOrDefault(g.Key, ""))))
            .OrderBy(x => x.Round).ThenBy(x => x.Unit.Code == DemoIds.FirstUnitCode ? 0 : 1).ThenBy(x => x.Cluster, StringComparer.Ordinal)
            .Select(x => x.Unit)];
    }
}
