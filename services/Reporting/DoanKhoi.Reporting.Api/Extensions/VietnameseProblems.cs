using DoanKhoi.Problems;

namespace DoanKhoi.Reporting.Extensions;

/// <summary>The reporting service's refusals in Vietnamese, for the portal and anyone who asks with
/// <c>Accept-Language: vi</c>. Keyed by the English template (<see cref="ProblemText.Template"/>).</summary>
public static class VietnameseProblems
{
    public static readonly ProblemCatalogue Catalogue = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["A penalty is between 0 and 100 points."] =
            "Điểm trừ từ 0 đến 100.",
        ["Ask for a cluster or a unit, not both."] =
            "Hãy chọn một cụm hoặc một cơ sở, không chọn cả hai.",
        ["The day is between 2000 and 2100."] =
            "Ngày phải trong khoảng năm 2000 đến 2100.",
        ["The year is between 2000 and 2100."] =
            "Năm phải trong khoảng 2000 đến 2100.",
        ["Say why the programme changes (it is kept with the version)."] =
            "Hãy nêu lý do thay đổi chương trình (được lưu cùng phiên bản).",
        ["The programme changed since version {0} was read (it is at version {1}): read it again."] =
            "Chương trình đã thay đổi kể từ phiên bản {0} bạn đã mở (hiện là phiên bản {1}): hãy tải lại.",
        ["The programme is for {0}, not {1}."] =
            "Chương trình này là của năm {0}, không phải năm {1}.",
        ["The programme is required: GET /programmes/{0} gives the present one to edit."] =
            "Hãy gửi chương trình: GET /programmes/{0} cho chương trình hiện tại để sửa.",
        ["The year to copy to is between 2000 and 2100."] =
            "Năm sao chép đến phải trong khoảng 2000 đến 2100.",
        ["{0} has a programme already: change it instead (PUT /programmes/{1})."] =
            "Năm {0} đã có chương trình: hãy sửa chương trình đó (PUT /programmes/{1}).",
        ["'atLeast' is the threshold of each unit or cluster: set 'each' too."] =
            "'atLeast' là mức mỗi cơ sở hoặc mỗi cụm phải đạt: hãy đặt cả 'each'.",
        ["'{0}' is not a grade: use excellent, good, pass or fail."] =
            "'{0}' không phải mức xếp loại: dùng excellent, good, pass hoặc fail.",
        ["'{0}' is not a kind of unit: use agency, enterprise or school."] =
            "'{0}' không phải loại hình cơ sở: dùng agency, enterprise hoặc school.",
        ["'{0}' is not a source: use one of {1}."] =
            "'{0}' không phải nguồn số liệu: dùng một trong {1}.",
        ["'{0}' is not an organiser level: use bloc, cluster or unit."] =
            "'{0}' không phải cấp tổ chức: dùng bloc, cluster hoặc unit.",
        ["A code is at most {0} characters."] =
            "Mã dài tối đa {0} ký tự.",
        ["A code is required."] =
            "Hãy nhập mã.",
        ["A count of a quantity names the quantity (e.g. trees-planted)."] =
            "Chỉ tiêu đếm số lượng phải nêu số lượng nào (ví dụ trees-planted).",
        ["A count of reported figures names the figure."] =
            "Chỉ tiêu lấy số liệu báo cáo phải nêu số liệu nào.",
        ["A figure is prefilled from what DoanKhoi records, not from another report."] =
            "Số liệu được điền sẵn từ những gì DoanKhoi ghi nhận, không từ báo cáo khác.",
        ["A goal cannot be negative."] =
            "Mục tiêu không được âm.",
        ["A goal is either atLeast or atMost a number."] =
            "Mục tiêu là 'ít nhất' (atLeast) hoặc 'nhiều nhất' (atMost) một con số.",
        ["A measure needs what it counts."] =
            "Hãy nêu chỉ số đếm gì.",
        ["A measure over each unit or cluster is a share of the units or clusters already: leave 'of' out."] =
            "Chỉ số theo từng cơ sở hoặc cụm đã là tỷ lệ cơ sở hoặc cụm: bỏ 'of'.",
        ["A measure over each unit or cluster needs the count each must reach (atLeast)."] =
            "Chỉ số theo từng cơ sở hoặc cụm cần mức mỗi nơi phải đạt (atLeast).",
        ["A name is at most {0} characters."] =
            "Tên dài tối đa {0} ký tự.",
        ["A name is required."] =
            "Hãy nhập tên.",
        ["A programme needs at least one target."] =
            "Chương trình cần ít nhất một chỉ tiêu.",
        ["A report's period has both its first and its last day, or neither."] =
            "Kỳ báo cáo có cả ngày đầu và ngày cuối, hoặc không có cả hai.",
        ["A target has at most {0} measures."] =
            "Mỗi chỉ tiêu có tối đa {0} chỉ số.",
        ["A target needs at least one measure."] =
            "Mỗi chỉ tiêu cần ít nhất một chỉ số.",
        ["A weight is between 0 and 100."] =
            "Trọng số trong khoảng 0 đến 100.",
        ["Kinds, subtypes, flags and organisers filter activities: the source does not count activities."] =
            "Loại, tiểu loại, tiêu chí và cấp tổ chức dùng để lọc hoạt động: nguồn này không đếm hoạt động.",
        ["Only the grades' sources filter by grade."] =
            "Chỉ nguồn xếp loại mới lọc theo mức xếp loại.",
        ["Only the source 'attendances' counts per member."] =
            "Chỉ nguồn 'attendances' mới đếm theo từng đoàn viên.",
        ["Only the source 'quantity' sums a quantity."] =
            "Chỉ nguồn 'quantity' mới cộng một số lượng.",
        ["The code '{0}' is used twice."] =
            "Mã '{0}' bị dùng hai lần.",
        ["The goal of a share is a percentage, at most 100."] =
            "Mục tiêu của một tỷ lệ là phần trăm, tối đa 100.",
        ["The only quota is 'ideas', over each unit."] =
            "Chỉ có định mức 'ideas', tính theo từng cơ sở.",
        ["The period ends ({0:dd/MM/yyyy}) before it starts ({1:dd/MM/yyyy})."] =
            "Kỳ báo cáo kết thúc ({0:dd/MM/yyyy}) trước khi bắt đầu ({1:dd/MM/yyyy}).",
        ["The programme ends on {0:dd/MM/yyyy}, not after it starts ({1:dd/MM/yyyy})."] =
            "Chương trình kết thúc ngày {0:dd/MM/yyyy}, không sau ngày bắt đầu ({1:dd/MM/yyyy}).",
        ["The programme of {0} starts in {1}."] =
            "Chương trình năm {0} phải bắt đầu trong năm {1}.",
        ["The report is due in or next to {0}."] =
            "Hạn báo cáo phải trong năm {0} hoặc năm liền kề.",
        ["The year must be between 2000 and 2100."] =
            "Năm phải trong khoảng 2000 đến 2100.",
        ["Only the standing committee (Ban Thường vụ) or the bloc office changes the year's programme."] =
            "Chỉ Ban Thường vụ hoặc Văn phòng Đoàn Khối thay đổi chương trình năm.",
        ["The bloc's records are for the bloc's posts: choose your cluster or unit (clusterId, unitId)."] =
            "Danh sách toàn Đoàn Khối dành cho cán bộ cấp Đoàn Khối: hãy chọn cụm hoặc cơ sở của bạn (clusterId, unitId).",
        ["The measure {0} counts {1}, which is not made of records to list."] =
            "Chỉ số {0} đếm {1}, không có danh sách bản ghi để xem.",
        ["The measure {0} is not reached by each unit, cluster or member: nobody is missing from it as such."] =
            "Chỉ số {0} không tính theo từng cơ sở, cụm hay đoàn viên: không có danh sách nơi chưa đạt.",
        ["'{0}' is not a figure of the {1} programme."] =
            "'{0}' không phải số liệu của chương trình năm {1}.",
        ["A figure is a number, 0 or more."] =
            "Số liệu là một số từ 0 trở lên.",
        ["A figure is sent twice."] =
            "Một số liệu được gửi hai lần.",
        ["A reason is at most {0} characters."] =
            "Lý do dài tối đa {0} ký tự.",
        ["A report's file is at most {0} MB."] =
            "Tệp gửi kèm báo cáo tối đa {0} MB.",
        ["At most {0} documents go with a report."] =
            "Mỗi báo cáo gửi kèm tối đa {0} tài liệu.",
        ["DoanKhoi counted {0} for the period: say why the figure is {1}."] =
            "DoanKhoi ghi nhận {0} trong kỳ: hãy nêu lý do số liệu là {1}.",
        ["Say until when the report is open (a date and time)."] =
            "Hãy cho biết mở lại báo cáo đến khi nào (ngày và giờ).",
        ["Say whose report it is: a unit (unitId) or a cluster (clusterId)."] =
            "Hãy cho biết báo cáo của ai: một cơ sở (unitId) hoặc một cụm (clusterId).",
        ["There is no such document uploaded for this report: upload it first."] =
            "Không có tài liệu này được tải lên cho báo cáo: hãy tải lên trước.",
        ["This report has no figures: send its narrative and documents."] =
            "Báo cáo này không có số liệu: hãy gửi nội dung và tài liệu.",
        ["Write the report's narrative (what the unit did, what it plans)."] =
            "Hãy viết nội dung báo cáo (kết quả đã làm, phương hướng sắp tới).",
        ["Only the bloc office (Văn phòng Đoàn Khối) reviews reports and opens them again."] =
            "Chỉ Văn phòng Đoàn Khối duyệt báo cáo và mở lại báo cáo.",
        ["Only the cluster's lead sends the cluster's reports."] =
            "Chỉ cụm trưởng gửi báo cáo của cụm.",
        ["Only the unit's secretary sends the unit's reports."] =
            "Chỉ bí thư cơ sở Đoàn gửi báo cáo của cơ sở.",
        ["A comment is at most {0} characters."] =
            "Nhận xét dài tối đa {0} ký tự.",
        ["A report is opened again for at most {0} days."] =
            "Báo cáo chỉ được mở lại tối đa {0} ngày.",
        ["Say what to correct: the unit reads the comment."] =
            "Hãy nêu nội dung cần sửa: đơn vị sẽ đọc nhận xét này.",
        ["Say why the report is opened again (it is kept on the record)."] =
            "Hãy nêu lý do mở lại báo cáo (được lưu vào nhật ký).",
        ["The report is opened until a moment to come."] =
            "Thời hạn mở lại phải ở thời điểm sắp tới.",
        ["The report was accepted already."] =
            "Báo cáo đã được duyệt.",
        ["The report was accepted by the bloc office: it is final."] =
            "Báo cáo đã được Văn phòng Đoàn Khối duyệt: không sửa được nữa.",
        ["The report was due on {0:dd/MM/yyyy} and is locked since the end of that day: ask the bloc office to open it again for your unit."] =
            "Hạn nộp báo cáo là ngày {0:dd/MM/yyyy} và báo cáo đã khóa từ cuối ngày đó: hãy đề nghị Văn phòng Đoàn Khối mở lại cho đơn vị.",
        ["The file is not a PDF or an Office document (Word, Excel, PowerPoint): send the report's document itself."] =
            "Tệp không phải PDF hoặc tài liệu Office (Word, Excel, PowerPoint): hãy gửi chính văn bản báo cáo.",
        ["School units report on the education department's calendar, not the bloc's (seed VII.3)."] =
            "Đoàn trường học báo cáo theo lịch của Sở Giáo dục và Đào tạo, không theo lịch của Đoàn Khối.",
        ["The report was returned: wait for the unit to send it again."] =
            "Báo cáo đã bị trả lại: hãy chờ đơn vị gửi lại.",
        ["'{0}' is not an e-mail address, e.g. doan.sotaichinh@langson.gov.vn."] =
            "'{0}' không phải địa chỉ e-mail, ví dụ doan.sotaichinh@langson.gov.vn.",
        ["The year's workbook is the bloc's: it is for the bloc's posts."] =
            "Bảng số liệu năm là của toàn Đoàn Khối: dành cho cán bộ cấp Đoàn Khối.",
        ["'{0}' is not a level of the scoreboard: use unit or cluster."] =
            "'{0}' không phải cấp của bảng thi đua: dùng unit hoặc cluster.",
    });
}
