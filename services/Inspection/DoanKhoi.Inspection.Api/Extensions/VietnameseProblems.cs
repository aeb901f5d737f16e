using DoanKhoi.Problems;

namespace DoanKhoi.Inspection.Extensions;

/// <summary>The inspection service's refusals in Vietnamese, for the portal and anyone who asks with
/// <c>Accept-Language: vi</c>. Keyed by the English template (<see cref="ProblemText.Template"/>); a message
/// missing here is said in English.</summary>
public static class VietnameseProblems
{
    public static readonly ProblemCatalogue Catalogue = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Say whom the measure is on: the member's id."] =
            "Hãy cho biết kỷ luật đối với ai: mã đoàn viên.",
        ["There is no inspection with id '{0}'."] =
            "Không có cuộc kiểm tra nào có mã '{0}'.",
        ["Say which subject the finding is about."] =
            "Hãy cho biết phát hiện này về đối tượng nào.",
        ["A post sets where its own reminders go; the inspection committee sets any."] =
            "Mỗi chức danh tự đặt địa chỉ nhận nhắc việc của mình; Ủy ban Kiểm tra đặt được cho mọi chức danh.",
        ["'{0}' is not one of {1}."] =
            "'{0}' không thuộc các giá trị {1}.",
        ["'{0}' is required: use {1}."] =
            "Hãy nhập '{0}': một trong {1}.",
        ["An inspection is started on the day it starts, not ahead of it."] =
            "Chỉ ghi nhận bắt đầu kiểm tra vào ngày bắt đầu, không ghi trước.",
        ["At most {0} recommendations in one request; {1} were sent."] =
            "Mỗi lần gửi tối đa {0} kiến nghị; đã gửi {1}.",
        ["Give the id of the unit or member."] =
            "Hãy chọn cơ sở Đoàn hoặc đoàn viên.",
        ["Name at least one subject: a unit, or a cadre or member."] =
            "Hãy chọn ít nhất một đối tượng: một cơ sở Đoàn, hoặc một cán bộ, đoàn viên.",
        ["Send at least one recommendation."] =
            "Hãy gửi ít nhất một kiến nghị.",
        ["That line of the programme is dropped, or belongs to another year: choose a line of the inspection's year."] =
            "Nội dung chương trình này đã bị bỏ, hoặc thuộc năm khác: hãy chọn một nội dung của năm kiểm tra.",
        ["The conclusion is dated on or before today."] =
            "Ngày kết luận không được sau ngày hôm nay.",
        ["There is no line of the inspection programme with id '{0}'."] =
            "Không có nội dung nào trong chương trình kiểm tra có mã '{0}'.",
        ["A year's programme holds at most {0} lines."] =
            "Chương trình kiểm tra mỗi năm có tối đa {0} nội dung.",
        ["The year is between 2000 and 2100."] =
            "Năm phải từ 2000 đến 2100.",
        ["A decision cannot be dated in the future."] =
            "Ngày quyết định không được ở tương lai.",
        ["A measure cannot take effect before it is decided."] =
            "Hình thức kỷ luật không thể có hiệu lực trước ngày quyết định.",
        ["Choose the measure: reprimand, warning, removalFromPost or expulsion."] =
            "Hãy chọn hình thức: khiển trách (reprimand), cảnh cáo (warning), cách chức (removalFromPost) hoặc khai trừ (expulsion).",
        ["Discipline is decided on a member or cadre, not a unit."] =
            "Kỷ luật áp dụng với cán bộ, đoàn viên, không áp dụng với cơ sở Đoàn.",
        ["Give the day of the decision."] =
            "Hãy nhập ngày quyết định.",
        ["That finding is about someone else."] =
            "Phát hiện này là về người khác.",
        ["That finding is not a violation: discipline answers a violation."] =
            "Phát hiện này không phải vi phạm: kỷ luật chỉ xử lý vi phạm.",
        ["The decision is annulled already."] =
            "Quyết định đã bị hủy trước đó.",
        ["{0} is not a finding of the inspection named."] =
            "{0} không phải phát hiện của cuộc kiểm tra đã chọn.",
        ["Only the inspection committee (Ủy ban Kiểm tra) records inspections, their findings and conclusions."] =
            "Chỉ Ủy ban Kiểm tra ghi nhận cuộc kiểm tra, phát hiện và kết luận.",
        ["Only the inspection committee or the bloc office records social critique and youth forums."] =
            "Chỉ Ủy ban Kiểm tra hoặc Văn phòng Đoàn Khối ghi nhận phản biện xã hội và diễn đàn thanh niên.",
        ["Only the secretary of the unit it is addressed to reports what was done of a recommendation."] =
            "Chỉ bí thư cơ sở Đoàn nhận kiến nghị báo cáo kết quả thực hiện kiến nghị.",
        ["The inspection programme and the register of social critique are the bloc's: the standing committee, the bloc office and the inspection committee read them."] =
            "Chương trình kiểm tra và sổ phản biện xã hội là của Đoàn Khối: Ban Thường vụ, Văn phòng và Ủy ban Kiểm tra Đoàn Khối xem được.",
        ["There is no member with id '{0}'."] =
            "Không có đoàn viên nào có mã '{0}'.",
        ["There is no unit with id '{0}'."] =
            "Không có cơ sở Đoàn nào có mã '{0}'.",
        ["An inspection cannot start before the decision that ordered it."] =
            "Cuộc kiểm tra không thể bắt đầu trước ngày có quyết định kiểm tra.",
        ["An inspection holds at most {0} findings."] =
            "Mỗi cuộc kiểm tra có tối đa {0} phát hiện.",
        ["At most {0} subjects; {1} were sent."] =
            "Tối đa {0} đối tượng; đã gửi {1}.",
        ["No finding is recorded: record what the inspection found (even a minor one) before concluding it."] =
            "Chưa ghi nhận phát hiện nào: hãy ghi nhận những gì cuộc kiểm tra phát hiện (kể cả thiếu sót nhỏ) trước khi kết luận.",
        ["Subjects are assessed once the inspection has started."] =
            "Chỉ đánh giá đối tượng khi cuộc kiểm tra đã bắt đầu.",
        ["Subjects are chosen while the inspection is planned; it has started already."] =
            "Chỉ chọn đối tượng khi cuộc kiểm tra còn ở kế hoạch; cuộc kiểm tra đã bắt đầu.",
        ["The conclusion cannot come before the day the inspection started."] =
            "Ngày kết luận không thể trước ngày bắt đầu kiểm tra.",
        ["The inspection is concluded: every subject stays assessed."] =
            "Cuộc kiểm tra đã kết luận: mọi đối tượng giữ kết quả đã đánh giá.",
        ["The inspection is concluded: it can no longer change."] =
            "Cuộc kiểm tra đã kết luận: không thay đổi được nữa.",
        ["The inspection is in progress already."] =
            "Cuộc kiểm tra đang diễn ra.",
        ["The inspection started before that day: its first day cannot move past the day it started."] =
            "Cuộc kiểm tra đã bắt đầu trước ngày đó: ngày bắt đầu dự kiến không thể sau ngày thực tế bắt đầu.",
        ["The inspection was cancelled: it can no longer change."] =
            "Cuộc kiểm tra đã hủy: không thay đổi được nữa.",
        ["The subject {0} is named twice."] =
            "Đối tượng {0} bị chọn hai lần.",
        ["{0} is not a subject of this inspection."] =
            "{0} không phải đối tượng của cuộc kiểm tra này.",
        ["'{0}' is not a link: give a whole address starting with https://."] =
            "'{0}' không phải đường dẫn: hãy nhập địa chỉ đầy đủ bắt đầu bằng https://.",
        ["A link is at most {0} characters long."] =
            "Đường dẫn dài tối đa {0} ký tự.",
        ["A result is at most {0} characters long."] =
            "Kết quả đánh giá dài tối đa {0} ký tự.",
        ["A user name is at most {0} characters long."] =
            "Tên đăng nhập dài tối đa {0} ký tự.",
        ["A team has at most {0} people; {1} were sent."] =
            "Đoàn kiểm tra có tối đa {0} người; đã gửi {1}.",
        ["An inspection cannot be planned to start before the decision that orders it."] =
            "Không thể dự kiến bắt đầu kiểm tra trước ngày có quyết định kiểm tra.",
        ["An inspection runs within one year: split it by year."] =
            "Một cuộc kiểm tra diễn ra trong một năm: hãy tách theo từng năm.",
        ["At most {0} links; {1} were sent."] =
            "Tối đa {0} đường dẫn; đã gửi {1}.",
        ["Choose the kind: regular, thematic, unscheduled, onSignsOfViolation or supervision."] =
            "Hãy chọn loại: thường xuyên (regular), chuyên đề (thematic), đột xuất (unscheduled), khi có dấu hiệu vi phạm (onSignsOfViolation) hoặc giám sát (supervision).",
        ["Choose the severity: minor, notable or serious."] =
            "Hãy chọn mức độ: nhẹ (minor), đáng lưu ý (notable) hoặc nghiêm trọng (serious).",
        ["Give the day of the decision that orders the inspection."] =
            "Hãy nhập ngày của quyết định kiểm tra.",
        ["Give the planned first day."] =
            "Hãy nhập ngày bắt đầu dự kiến.",
        ["Give the planned last day."] =
            "Hãy nhập ngày kết thúc dự kiến.",
        ["Name the team: at least the account that leads it."] =
            "Hãy chọn đoàn kiểm tra: ít nhất là tài khoản của trưởng đoàn.",
        ["The last day comes before the first."] =
            "Ngày kết thúc trước ngày bắt đầu.",
        ["At most {0} units; {1} were sent."] =
            "Tối đa {0} cơ sở Đoàn; đã gửi {1}.",
        ["Choose the quarter: 1, 2, 3 or 4."] =
            "Hãy chọn quý: 1, 2, 3 hoặc 4.",
        ["The line was dropped already."] =
            "Nội dung này đã bị bỏ khỏi chương trình.",
        ["The line was dropped from the programme: it can no longer change."] =
            "Nội dung đã bị bỏ khỏi chương trình: không thay đổi được nữa.",
        ["'{0}' is not an e-mail address."] =
            "'{0}' không phải địa chỉ e-mail.",
        ["Give the e-mail address reminders go to."] =
            "Hãy nhập địa chỉ e-mail nhận nhắc việc.",
        ["A new due day cannot be in the past."] =
            "Hạn mới không được ở quá khứ.",
        ["A recommendation holds at most {0} reports."] =
            "Mỗi kiến nghị có tối đa {0} lần báo cáo.",
        ["A recommendation reported done needs its evidence: a file, or a link to the document, minutes or photos."] =
            "Báo cáo hoàn thành kiến nghị cần có minh chứng: tệp đính kèm, hoặc đường dẫn đến văn bản, biên bản, hình ảnh.",
        ["That file was not uploaded to this recommendation, or was given with an earlier report: upload it again."] =
            "Tệp này không được tải lên cho kiến nghị này, hoặc đã gửi kèm một báo cáo trước: hãy tải lên lại.",
        ["A finding's evidence is added while the inspection is in progress."] =
            "Chỉ bổ sung minh chứng của phát hiện khi cuộc kiểm tra đang tiến hành.",
        ["A finding's evidence is removed while the inspection is in progress."] =
            "Chỉ gỡ minh chứng của phát hiện khi cuộc kiểm tra đang tiến hành.",
        ["A finding holds at most {0} files."] =
            "Mỗi phát hiện có tối đa {0} tệp minh chứng.",
        ["A recommendation holds at most {0} files."] =
            "Mỗi kiến nghị có tối đa {0} tệp minh chứng.",
        ["The recommendation is reported done or closed: its evidence is given. Ask the committee to reopen it to add more."] =
            "Kiến nghị đã được báo cáo hoàn thành hoặc đã đóng: minh chứng đã nộp. Hãy đề nghị Ủy ban Kiểm tra mở lại để bổ sung.",
        ["The file was given with a report of what the unit did: it stays with the report."] =
            "Tệp đã được gửi kèm báo cáo kết quả thực hiện: tệp được lưu cùng báo cáo.",
        ["The file is not a photo (JPEG, PNG) or a document (PDF, Word, Excel): send the photo, the minutes or the scanned document itself."] =
            "Tệp không phải ảnh (JPEG, PNG) hoặc văn bản (PDF, Word, Excel): hãy gửi chính ảnh, biên bản hoặc bản chụp văn bản.",
        ["There is no file with id '{0}'."] =
            "Không có tệp nào có mã '{0}'.",
        ["Give the day it must be done by."] =
            "Hãy nhập hạn thực hiện.",
        ["Only a recommendation reported done, or closed, can be reopened; this one is still with its unit."] =
            "Chỉ mở lại kiến nghị đã báo cáo hoàn thành hoặc đã đóng; kiến nghị này đơn vị vẫn đang thực hiện.",
        ["Recommendations come with the conclusion: conclude the inspection first."] =
            "Kiến nghị đi kèm kết luận: hãy kết luận cuộc kiểm tra trước.",
        ["The due day comes before the conclusion that makes the recommendation: give a day on or after it."] =
            "Hạn thực hiện trước ngày kết luận đưa ra kiến nghị: hãy chọn từ ngày kết luận trở đi.",
        ["The recommendation is closed already."] =
            "Kiến nghị đã được đóng.",
        ["The recommendation is closed: the inspection committee verified it. Ask the committee to reopen it to report more."] =
            "Kiến nghị đã được Ủy ban Kiểm tra xác nhận và đóng. Đề nghị Ủy ban mở lại nếu cần báo cáo thêm.",
        ["The recommendation is reported done and waits for the committee's verification."] =
            "Kiến nghị đã được báo cáo hoàn thành và đang chờ Ủy ban Kiểm tra xác nhận.",
        ["The recommendation was never reported done: its unit reports what it did, with evidence, before it can be closed."] =
            "Kiến nghị chưa được báo cáo hoàn thành: đơn vị cần báo cáo kết quả, kèm minh chứng, trước khi đóng.",
        ["{0} is not a finding of this inspection."] =
            "{0} không phải phát hiện của cuộc kiểm tra này.",
        ["A response cannot come before the opinions were sent."] =
            "Phản hồi không thể trước ngày gửi ý kiến.",
        ["Give the day of the response."] =
            "Hãy nhập ngày nhận phản hồi.",
        ["Give the day the document was received."] =
            "Hãy nhập ngày nhận văn bản.",
        ["Give the day the opinions were sent."] =
            "Hãy nhập ngày gửi ý kiến.",
        ["No opinions were sent yet: a response answers the opinions the bloc sent."] =
            "Chưa gửi ý kiến: phản hồi là trả lời ý kiến Đoàn Khối đã gửi.",
        ["Opinions cannot be sent before the document was received."] =
            "Không thể gửi ý kiến trước ngày nhận văn bản.",
        ["The day of the response cannot be in the future."] =
            "Ngày phản hồi không được ở tương lai.",
        ["The day received cannot be in the future."] =
            "Ngày nhận không được ở tương lai.",
        ["The day sent cannot be in the future."] =
            "Ngày gửi không được ở tương lai.",
        ["The item was withdrawn: it can no longer change."] =
            "Nội dung đã được rút: không thay đổi được nữa.",
        ["A forum is recorded once it was held: the day cannot be in the future."] =
            "Chỉ ghi nhận diễn đàn đã tổ chức: ngày tổ chức không được ở tương lai.",
        ["At most {0} opinions; {1} were sent."] =
            "Tối đa {0} ý kiến; đã gửi {1}.",
        ["Give the day the forum was held."] =
            "Hãy nhập ngày tổ chức diễn đàn.",
        ["Participants are between 0 and {0}."] =
            "Số người tham dự từ 0 đến {0}.",
        ["That inspection was cancelled: link the forum to one that runs."] =
            "Cuộc kiểm tra đó đã hủy: hãy gắn diễn đàn với cuộc kiểm tra đang thực hiện.",
        ["Describe what was found."] =
            "Hãy mô tả điều phát hiện.",
        ["Give the number of the decision."] =
            "Hãy nhập số quyết định.",
        ["Give the number of the decision that orders the inspection (e.g. 12-QĐ/UBKT)."] =
            "Hãy nhập số quyết định kiểm tra (ví dụ 12-QĐ/UBKT).",
        ["Name the document critiqued."] =
            "Hãy nhập tên văn bản được phản biện.",
        ["Name the forum."] =
            "Hãy nhập tên diễn đàn.",
        ["Name the level that decided it (e.g. Ban Thường vụ Đoàn Khối)."] =
            "Hãy nhập cấp quyết định (ví dụ Ban Thường vụ Đoàn Khối).",
        ["Name the topic of the inspection."] =
            "Hãy nhập nội dung (chuyên đề) kiểm tra.",
        ["Name the topic."] =
            "Hãy nhập nội dung.",
        ["Say what must be done."] =
            "Hãy nêu việc cần làm.",
        ["Say what the measure is for."] =
            "Hãy nêu lý do kỷ luật.",
        ["Say what the unit did."] =
            "Hãy nêu đơn vị đã làm gì.",
        ["Say who sent the document for critique."] =
            "Hãy nêu cơ quan gửi văn bản xin ý kiến phản biện.",
        ["Say why the decision is annulled."] =
            "Hãy nêu lý do hủy quyết định.",
        ["Say why the inspection is cancelled."] =
            "Hãy nêu lý do hủy cuộc kiểm tra.",
        ["Say why the recommendation is reopened, for its unit."] =
            "Hãy nêu lý do mở lại kiến nghị để đơn vị biết.",
        ["Write the conclusion: what the inspection found and what it asks."] =
            "Hãy viết kết luận: những gì cuộc kiểm tra phát hiện và yêu cầu.",
        ["Write the opinion heard."] =
            "Hãy ghi ý kiến đã nghe.",
        ["Write the opinions the bloc sent."] =
            "Hãy ghi các ý kiến Đoàn Khối đã gửi.",
        ["Write the response received."] =
            "Hãy ghi phản hồi đã nhận.",
    });
}
