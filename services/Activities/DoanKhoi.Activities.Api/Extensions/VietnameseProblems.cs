using DoanKhoi.Problems;

namespace DoanKhoi.Activities.Extensions;

/// <summary>The activities service's refusals in Vietnamese, for the portal and anyone who asks with
/// <c>Accept-Language: vi</c>. Keyed by the English template (<see cref="ProblemText.Template"/>); a message
/// missing here is said in English.</summary>
public static class VietnameseProblems
{
    public static readonly ProblemCatalogue Catalogue = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["Only the bloc office (Văn phòng Đoàn Khối) records the bloc's activities."] =
            "Chỉ Văn phòng Đoàn Khối ghi nhận hoạt động cấp Đoàn Khối.",
        ["Only the cluster's lead or the bloc office records a cluster's activities."] =
            "Chỉ cụm trưởng của cụm hoặc Văn phòng Đoàn Khối ghi nhận hoạt động của cụm.",
        ["Only the unit's secretary or the bloc office records a unit's activities."] =
            "Chỉ bí thư cơ sở Đoàn hoặc Văn phòng Đoàn Khối ghi nhận hoạt động của cơ sở.",
        ["The activity starts on {0:dd/MM/yyyy}: it can be recorded as held from that day on."] =
            "Hoạt động bắt đầu ngày {0:dd/MM/yyyy}: từ ngày đó mới ghi nhận kết quả được.",
        ["The kind '{0}' is not in the programme of {1} any more: change the activity's kind first."] =
            "Loại hoạt động '{0}' không còn trong chương trình năm {1}: hãy đổi loại hoạt động trước.",
        ["The activity was held and its outcome recorded: correct the record instead of cancelling it."] =
            "Hoạt động đã tổ chức và có kết quả: hãy sửa kết quả thay vì hủy hoạt động.",
        ["The activity was cancelled: it can no longer change."] =
            "Hoạt động đã bị hủy: không thay đổi được nữa.",
        ["The activity was held with quantities or flags that the kind '{0}' does not record: correct what was recorded first."] =
            "Kết quả đã ghi có số liệu hoặc tiêu chí mà loại '{0}' không ghi nhận: hãy sửa kết quả trước.",
        ["A title is required, e.g. 'Ra quân Tết trồng cây 2023'."] =
            "Hãy nhập tên hoạt động, ví dụ 'Ra quân Tết trồng cây 2023'.",
        ["The first day is required (yyyy-MM-dd)."] =
            "Hãy nhập ngày bắt đầu.",
        ["The first day must be between 2000 and 2100."] =
            "Ngày bắt đầu phải trong khoảng năm 2000 đến 2100.",
        ["The last day ({0:dd/MM/yyyy}) is before the first ({1:dd/MM/yyyy})."] =
            "Ngày kết thúc ({0:dd/MM/yyyy}) trước ngày bắt đầu ({1:dd/MM/yyyy}).",
        ["An activity runs at most {0} days; record a longer campaign as several activities."] =
            "Mỗi hoạt động kéo dài tối đa {0} ngày; hãy ghi chiến dịch dài hơn thành nhiều hoạt động.",
        ["The kind of activity is required: one of the programme of {0} (GET /programme)."] =
            "Hãy chọn loại hoạt động trong chương trình năm {0}.",
        ["'{0}' is not a kind of activity in the programme of {1} (GET /programme)."] =
            "'{0}' không phải loại hoạt động trong chương trình năm {1}.",
        ["'{0}' is not a movement in the programme of {1} (GET /programme)."] =
            "'{0}' không phải phong trào trong chương trình năm {1}.",
        ["'{0}' is not a programme of the movement '{1}'."] =
            "'{0}' không phải chương trình của phong trào '{1}'.",
        ["'{0}' is not a subtype of the kind '{1}'."] =
            "'{0}' không phải nội dung của loại hoạt động '{1}'.",
        ["The programme of {0} has no big activity number {1}."] =
            "Chương trình năm {0} không có hoạt động lớn số {1}.",
        ["At most {0} co-organisers; {1} were sent."] =
            "Tối đa {0} đơn vị phối hợp; đang chọn {1}.",
        ["At most {0} pieces of evidence; {1} were sent."] =
            "Tối đa {0} minh chứng; đang gửi {1}.",
        ["A link is at most {0} characters long."] =
            "Mỗi đường dẫn tối đa {0} ký tự.",
        ["'{0}' is not a link: give the address of the photo, document or news item, starting with https://."] =
            "'{0}' không phải đường dẫn: hãy dán địa chỉ của ảnh, tài liệu hoặc bài tin, bắt đầu bằng https://.",
        ["A quantity cannot be negative; {0} was sent."] =
            "Số liệu không được âm; đang nhập {0}.",
        ["A quantity is at most {0}; {1} was sent."] =
            "Số liệu tối đa {0}; đang nhập {1}.",
        ["An activity of the kind '{0}' records no quantities."] =
            "Loại hoạt động '{0}' không ghi số liệu.",
        ["An activity of the kind '{0}' does not record '{1}'; it records {2}."] =
            "Loại hoạt động '{0}' không ghi '{1}'; chỉ ghi {2}.",
        ["An activity of the kind '{0}' carries no flags."] =
            "Loại hoạt động '{0}' không có tiêu chí công trình.",
        ["'{0}' is not a flag of the kind '{1}'; it carries {2}."] =
            "'{0}' không phải tiêu chí của loại '{1}'; chỉ có {2}.",
        ["Say which quantity, e.g. 'trees-planted'."] =
            "Hãy chọn loại số liệu, ví dụ 'trees-planted' (số cây trồng).",
        ["'{0}' is given twice."] =
            "'{0}' được nhập hai lần.",
        ["Say why the activity is cancelled."] =
            "Hãy nêu lý do hủy hoạt động.",
        ["Say which cluster or unit organises the activity."] =
            "Hãy chọn cụm hoặc cơ sở Đoàn tổ chức hoạt động.",
        ["'{0}' is not an organiser: use bloc, cluster or unit."] =
            "'{0}' không phải cấp tổ chức: chọn Đoàn Khối, cụm hoặc cơ sở.",
        ["'{0}' is not a status: use planned, held or cancelled."] =
            "'{0}' không phải trạng thái: chọn dự kiến, đã tổ chức hoặc đã hủy.",
        ["There is no cluster with id '{0}' in the organisation (or membership has not told activities of it yet)."] =
            "Không có cụm mã '{0}' (hoặc vừa tạo, hãy thử lại sau ít giây).",
        ["There is no unit with id '{0}' in the organisation (or membership has not told activities of it yet)."] =
            "Không có cơ sở Đoàn mã '{0}' (hoặc vừa tạo, hãy thử lại sau ít giây).",
        ["There is no cluster or unit with id '{0}' in the organisation."] =
            "Không có cụm hoặc cơ sở Đoàn mã '{0}'.",
        ["The end of the period ({0:dd/MM/yyyy}) is before its start ({1:dd/MM/yyyy})."] =
            "Ngày cuối ({0:dd/MM/yyyy}) trước ngày đầu ({1:dd/MM/yyyy}).",
        ["Registration is for a planned activity; mark who came on the attendance sheet instead."] =
            "Chỉ đăng ký được khi hoạt động chưa diễn ra; hãy điểm danh người đến trên danh sách.",
        ["You checked in at {0:HH:mm dd/MM/yyyy} already."] =
            "Bạn đã điểm danh lúc {0:HH:mm dd/MM/yyyy} rồi.",
        ["Only a registration for a planned activity can be withdrawn; mark the member absent or excused instead."] =
            "Chỉ rút đăng ký được khi hoạt động chưa diễn ra và chưa điểm danh; hãy đánh dấu vắng hoặc vắng có phép.",
        ["Check-in opens on a day the activity runs ({0:dd/MM/yyyy} to {1:dd/MM/yyyy})."] =
            "Chỉ mở điểm danh trong những ngày diễn ra hoạt động ({0:dd/MM/yyyy} đến {1:dd/MM/yyyy}).",
        ["Check-in for this activity is not open now: ask its organiser to open it, or to mark you on the attendance sheet."] =
            "Hoạt động chưa mở điểm danh: hãy nhờ đơn vị tổ chức mở, hoặc điểm danh bạn trên danh sách.",
        ["This is not the activity's current check-in code: scan the QR code shown at the activity."] =
            "Mã điểm danh không đúng hoặc đã cũ: hãy quét mã QR đang hiển thị tại hoạt động.",
        ["The activity starts on {0:dd/MM/yyyy}: attendance is recorded from that day on."] =
            "Hoạt động bắt đầu ngày {0:dd/MM/yyyy}: từ ngày đó mới điểm danh được.",
        ["Only a member checks in, with their own account."] =
            "Chỉ đoàn viên tự điểm danh, bằng tài khoản của mình.",
        ["{0} is registered for this activity already."] =
            "{0} đã đăng ký hoạt động này rồi.",
        ["A member sees their own participation (GET /members/<id>/participations), not the whole list."] =
            "Đoàn viên chỉ xem được việc tham gia của mình, không xem cả danh sách.",
        ["Only the member, their secretary or the activity's organiser changes the member's registration."] =
            "Chỉ đoàn viên, bí thư của đoàn viên hoặc đơn vị tổ chức thay đổi được đăng ký của đoàn viên.",
        ["Check-in stays open between 1 and {0} hours."] =
            "Thời gian mở điểm danh từ 1 đến {0} giờ.",
        ["At most {0} members in one request; {1} were sent."] =
            "Mỗi lần tối đa {0} đoàn viên; đang chọn {1}.",
        ["There is no member with id '{0}' (or membership has not told activities of them yet)."] =
            "Không có đoàn viên mã '{0}' (hoặc vừa ghi nhận, hãy thử lại sau ít giây).",
        ["{0} is no longer on the Union's rolls in the bloc."] =
            "{0} không còn sinh hoạt Đoàn trong Đoàn Khối.",
        ["{0} is not a member of a unit the activity's organiser reaches."] =
            "{0} không thuộc cơ sở Đoàn trong phạm vi của đơn vị tổ chức hoạt động.",
        ["'{0}' is not an attendance: use attended, absent or excused."] =
            "'{0}' không phải kết quả điểm danh: chọn có mặt, vắng hoặc vắng có phép.",
        ["Say which member."] =
            "Hãy chọn đoàn viên.",
        ["Say how the member took part: attended, absent or excused."] =
            "Hãy chọn có mặt, vắng hoặc vắng có phép.",
        ["Mark attended, absent or excused."] =
            "Hãy chọn có mặt, vắng hoặc vắng có phép.",
        ["The member is marked twice."] =
            "Đoàn viên này được điểm danh hai lần.",
        ["A title is required."] =
            "Hãy nhập tên ý tưởng.",
        ["'{0}' is not a field: use {1}."] =
            "'{0}' không phải lĩnh vực: chọn {1}.",
        ["Name at least one author: the members whose idea it is."] =
            "Hãy chọn ít nhất một tác giả: các đoàn viên có ý tưởng.",
        ["At most {0} authors; {1} were sent."] =
            "Tối đa {0} tác giả; đang chọn {1}.",
        ["The idea is applied in practice already: its review can no longer change."] =
            "Ý tưởng đã được áp dụng vào thực tiễn: không đổi kết quả xét được nữa.",
        ["Say why the idea is rejected, for its unit."] =
            "Hãy nêu lý do không công nhận ý tưởng để cơ sở biết.",
        ["A reason is at most {0} characters long."] =
            "Lý do tối đa {0} ký tự.",
        ["Only an accepted idea is marked applied in practice."] =
            "Chỉ ý tưởng đã được công nhận mới ghi nhận áp dụng vào thực tiễn.",
        ["The link of the idea's page on {0} is required."] =
            "Hãy dán đường dẫn bài đăng ý tưởng trên {0}.",
        ["'{0}' is not a page on {1}: post the idea there and give the link of its page."] =
            "'{0}' không phải trang trên {1}: hãy đăng ý tưởng ở đó rồi dán đường dẫn bài đăng.",
        ["Say which unit the idea is from."] =
            "Hãy chọn cơ sở Đoàn của ý tưởng.",
        ["Only the unit's secretary or the bloc office submits the unit's ideas."] =
            "Chỉ bí thư cơ sở Đoàn hoặc Văn phòng Đoàn Khối gửi ý tưởng của cơ sở.",
        ["An author is not a current member of the unit: '{0}'."] =
            "Có tác giả không phải đoàn viên đang sinh hoạt tại cơ sở: '{0}'.",
        ["Only the bloc office (Văn phòng Đoàn Khối) reviews ideas."] =
            "Chỉ Văn phòng Đoàn Khối xét công nhận ý tưởng.",
        ["'{0}' is not a decision: use accept or reject."] =
            "'{0}' không phải kết quả xét: chọn công nhận hoặc không công nhận.",
        ["Only the unit's secretary or the bloc office records that the unit's idea is applied."] =
            "Chỉ bí thư cơ sở Đoàn hoặc Văn phòng Đoàn Khối ghi nhận ý tưởng được áp dụng.",
        ["Only the bloc office (Văn phòng Đoàn Khối) sets the units' quotas of ideas."] =
            "Chỉ Văn phòng Đoàn Khối giao chỉ tiêu ý tưởng cho các cơ sở.",
        ["The year is between 2000 and 2100."] =
            "Năm phải từ 2000 đến 2100.",
        ["At most {0} quotas in one request; {1} were sent."] =
            "Mỗi lần tối đa {0} chỉ tiêu; đang gửi {1}.",
        ["There is no unit with id '{0}' in the organisation."] =
            "Không có cơ sở Đoàn mã '{0}'.",
        ["A quota is between 0 and {0}."] =
            "Chỉ tiêu từ 0 đến {0}.",
        ["A unit is given two quotas."] =
            "Một cơ sở được giao hai chỉ tiêu.",
        ["'{0}' is not a status: use submitted, accepted, rejected or applied."] =
            "'{0}' không phải trạng thái: chọn đã gửi, được công nhận, không công nhận hoặc đã áp dụng.",
        ["The file is not a photo (JPEG, PNG) or a document (PDF, Word .docx): send the photo or the scanned document itself."] =
            "Tệp không phải ảnh (JPEG, PNG) hay tài liệu (PDF, Word .docx): hãy gửi chính tấm ảnh hoặc bản scan tài liệu.",
        ["The activity has {0} files already."] =
            "Hoạt động đã có {0} tệp minh chứng.",
    });
}
