using DoanKhoi.Problems;

namespace DoanKhoi.Membership.Extensions;

/// <summary>The membership service's refusals in Vietnamese, for the portal and anyone who asks with
/// <c>Accept-Language: vi</c>. Keyed by the English template (<see cref="ProblemText.Template"/>); a message
/// missing here is said in English.</summary>
public static class VietnameseProblems
{
    public static readonly ProblemCatalogue Catalogue = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["The unit is required: write its code (e.g. DCS-SYT) or its name."] =
            "Thiếu đơn vị: ghi mã đơn vị (ví dụ DCS-SYT) hoặc tên đơn vị.",
        ["This file is imported into {0} ({1}); this row names '{2}'. Leave the unit blank or import the row into its own unit."] =
            "Tệp này nhập vào {0} ({1}); dòng này ghi '{2}'. Để trống cột đơn vị, hoặc nhập dòng này vào đúng đơn vị của nó.",
        ["'{0}' is no unit of the bloc: write the unit's code (e.g. DCS-SYT) or its name as the bloc records it."] =
            "'{0}' không phải đơn vị của Đoàn Khối: ghi mã đơn vị (ví dụ DCS-SYT) hoặc tên như Đoàn Khối đang ghi.",
        ["Several units are named '{0}': write the unit's code instead ({1})."] =
            "Có nhiều đơn vị tên '{0}': hãy ghi mã đơn vị ({1}).",
        ["{0} has no branch '{1}': it has no branches yet; leave the column blank or create the branch first."] =
            "{0} không có chi đoàn '{1}': đơn vị chưa có chi đoàn nào; để trống cột này hoặc tạo chi đoàn trước.",
        ["{0} has no branch '{1}'; its branches are {2}. Correct the name or create the branch first."] =
            "{0} không có chi đoàn '{1}'; các chi đoàn của đơn vị: {2}. Sửa lại tên hoặc tạo chi đoàn trước.",
        ["The term of the post begins {0:dd/MM/yyyy}, in the future."] =
            "Nhiệm kỳ chức vụ bắt đầu {0:dd/MM/yyyy}, chưa đến.",
        ["The term of the post begins {0:dd/MM/yyyy}, before the member joined the Union ({1:dd/MM/yyyy})."] =
            "Nhiệm kỳ chức vụ bắt đầu {0:dd/MM/yyyy}, trước ngày vào Đoàn ({1:dd/MM/yyyy}).",
        ["'{0}' is not a date: write it as dd/MM/yyyy (e.g. 15/03/1998) or use a date cell."] =
            "'{0}' không phải ngày: ghi theo dd/MM/yyyy (ví dụ 15/03/1998) hoặc dùng ô kiểu ngày.",
        ["A cluster with code '{0}' already exists."] =
            "Đã có cụm thi đua mã '{0}'.",
        ["There is no member with id '{0}' in {1}; a unit grades its own members."] =
            "{1} không có đoàn viên mã '{0}'; đơn vị chỉ xếp loại đoàn viên của mình.",
        ["A member's grades are for the member, their unit's secretaries and the bloc's posts; a cluster lead sees a unit's counts by grade."] =
            "Kết quả xếp loại của đoàn viên chỉ dành cho chính đoàn viên, bí thư đơn vị và Đoàn Khối; cụm trưởng chỉ xem số lượng theo từng loại.",
        ["There is no unit with id '{0}' in the bloc."] =
            "Đoàn Khối không có đơn vị mã '{0}'.",
        ["Give at least one {0}'s grade."] =
            "Hãy xếp loại ít nhất một người hoặc đơn vị.",
        ["At most {0} grades in one request."] =
            "Mỗi lần lưu tối đa {0} xếp loại.",
        ["The {0} is required."] =
            "Thiếu người hoặc đơn vị được xếp loại.",
        ["This {0} is graded twice in the request."] =
            "Xếp loại hai lần trong cùng một lần lưu.",
        ["The grade is required: excellent, good, pass or fail."] =
            "Hãy chọn mức xếp loại: Hoàn thành xuất sắc, Hoàn thành tốt, Hoàn thành hoặc Không hoàn thành nhiệm vụ.",
        ["'{0}' is not a grade: use excellent, good, pass or fail (Hoàn thành xuất sắc / tốt / Hoàn thành / Không hoàn thành nhiệm vụ)."] =
            "'{0}' không phải mức xếp loại: dùng Hoàn thành xuất sắc / Hoàn thành tốt / Hoàn thành / Không hoàn thành nhiệm vụ.",
        ["The receiving unit is required."] =
            "Hãy chọn đơn vị nhận.",
        ["There is no unit with id '{0}' in the bloc; a transfer out of the bloc is recorded as leaving (transferredOut)."] =
            "Đoàn Khối không có đơn vị mã '{0}'; chuyển sinh hoạt ra ngoài Đoàn Khối thì ghi là ra khỏi danh sách (chuyển ra ngoài Đoàn Khối).",
        ["'{0}' is not a transfer status: use pending, accepted, rejected, withdrawn or all."] =
            "'{0}' không phải tình trạng giấy giới thiệu: chờ tiếp nhận, đã tiếp nhận, bị từ chối, đã rút lại hoặc tất cả.",
        ["Why the member left: transferredOut (with the letter in note), movedAway, removed, expelled or deceased."] =
            "Hãy chọn lý do ra khỏi danh sách: chuyển ra ngoài Đoàn Khối (ghi giấy giới thiệu vào ghi chú), chuyển đi nơi khác, xóa tên, khai trừ hoặc từ trần.",
        ["Say whether the Party admitted the member (true or false)."] =
            "Hãy chọn kết quả: được kết nạp Đảng hay chưa.",
        ["A decision takes effect today or earlier, not on {0:dd/MM/yyyy}."] =
            "Quyết định có hiệu lực từ hôm nay trở về trước, không thể là ngày {0:dd/MM/yyyy}.",
        ["{0} is for the bloc office, or a unit's secretary within their own unit (unitId): ethnicity is sensitive personal data."] =
            "Dân tộc là dữ liệu cá nhân nhạy cảm: chỉ Văn phòng Đoàn Khối, hoặc bí thư trong chính đơn vị mình, được dùng.",
        ["Only the bloc office or the secretary of {0} may {1}."] =
            "Chỉ Văn phòng Đoàn Khối hoặc bí thư của {0} được làm việc này.",
        ["Nobody grades their own evaluation: another member of the unit's committee, or the bloc office, grades yours."] =
            "Không ai tự xếp loại cho mình: một ủy viên khác của Ban Chấp hành, hoặc Văn phòng Đoàn Khối, xếp loại cho bạn.",
        ["Only the bloc's standing committee (Ban Thường vụ Đoàn Khối) may {0}."] =
            "Chỉ Ban Thường vụ Đoàn Khối được làm việc này.",
        ["Importing the members of many units at once is for the bloc office; a unit's secretary imports into their unit (POST /units/{{unitId}}/members/import)."] =
            "Nhập đoàn viên của nhiều đơn vị cùng lúc là việc của Văn phòng Đoàn Khối; bí thư nhập vào đơn vị của mình.",
        ["Attach the spreadsheet (.xlsx or .csv) as the form field 'file'."] =
            "Hãy chọn tệp Excel (.xlsx) hoặc .csv để nhập.",
        ["The search text is at most {0} characters."] =
            "Nội dung tìm kiếm tối đa {0} ký tự.",
        ["The members of a day are known up to today, not on {0:dd/MM/yyyy}."] =
            "Chỉ xem được danh sách đến hôm nay, không thể xem ngày {0:dd/MM/yyyy}.",
        ["An age is between 0 and 120."] =
            "Tuổi từ 0 đến 120.",
        ["The highest age is below the lowest."] =
            "Tuổi lớn nhất đang nhỏ hơn tuổi nhỏ nhất.",
        ["The date of birth is required."] =
            "Hãy nhập ngày sinh.",
        ["The date of birth {0:dd/MM/yyyy} is in the future."] =
            "Ngày sinh {0:dd/MM/yyyy} chưa đến.",
        ["The date of birth {0:dd/MM/yyyy} is more than 100 years ago."] =
            "Ngày sinh {0:dd/MM/yyyy} cách đây hơn 100 năm: hãy kiểm tra lại.",
        ["The date the member joined the Union (ngày vào Đoàn) is required."] =
            "Hãy nhập ngày vào Đoàn.",
        ["The date joined {0:dd/MM/yyyy} is in the future."] =
            "Ngày vào Đoàn {0:dd/MM/yyyy} chưa đến.",
        ["On {0:dd/MM/yyyy} the member was {1}: the Union admits from {2} years of age."] =
            "Ngày {0:dd/MM/yyyy} đoàn viên mới {1} tuổi: Đoàn kết nạp từ {2} tuổi.",
        ["The gender is required: male or female (Nam/Nữ)."] =
            "Hãy chọn giới tính: Nam hoặc Nữ.",
        ["'{0}' is not a gender: write male or female (Nam/Nữ)."] =
            "'{0}' không phải giới tính: ghi Nam hoặc Nữ.",
        ["'{0}' is not a Party status: use none, recommended or partyMember."] =
            "'{0}' không phải tình trạng Đảng: chưa, đã giới thiệu cho Đảng, hoặc đảng viên.",
        ["'{0}' is not a status: use current (active or in transfer), active, inTransfer, matured, left or all."] =
            "'{0}' không phải tình trạng: đang sinh hoạt, đang chuyển sinh hoạt, đã trưởng thành, đã ra khỏi danh sách hoặc tất cả.",
        ["'{0}' is not a Union post: use secretary, deputySecretary or committeeMember."] =
            "'{0}' không phải chức vụ Đoàn: Bí thư, Phó Bí thư hoặc Ủy viên BCH.",
        ["'{0}' is not a grouping: use cluster, unit, gender, ethnicity, ageBand or partyStatus."] =
            "'{0}' không phải cách nhóm: theo cụm, đơn vị, giới tính, dân tộc, độ tuổi hoặc tình trạng Đảng.",
        ["The period ends ({0:dd/MM/yyyy}) before it begins ({1:dd/MM/yyyy})."] =
            "Ngày kết thúc ({0:dd/MM/yyyy}) trước ngày bắt đầu ({1:dd/MM/yyyy}).",
        ["'{0}' is not a grouping: use unit or cluster."] =
            "'{0}' không phải cách nhóm: theo đơn vị hoặc theo cụm.",
        ["The list looks ahead: a day from today ({0:dd/MM/yyyy}) on."] =
            "Danh sách nhìn về phía trước: chọn một ngày từ hôm nay ({0:dd/MM/yyyy}) trở đi.",
        ["The date of the admission resolution is required."] =
            "Hãy nhập ngày của nghị quyết kết nạp.",
        ["The admission date {0:dd/MM/yyyy} is in the future."] =
            "Ngày kết nạp {0:dd/MM/yyyy} chưa đến.",
        ["The number of the admission resolution (số nghị quyết/quyết định kết nạp) is required."] =
            "Hãy nhập số nghị quyết/quyết định kết nạp.",
        ["The unit {0} has no branch with id '{1}'."] =
            "Đơn vị {0} không có chi đoàn này.",
        ["The first day of the term is required."] =
            "Hãy nhập ngày bắt đầu nhiệm kỳ.",
        ["The term ends ({0:dd/MM/yyyy}) before it begins ({1:dd/MM/yyyy})."] =
            "Nhiệm kỳ kết thúc ({0:dd/MM/yyyy}) trước khi bắt đầu ({1:dd/MM/yyyy}).",
        ["A member with the CCCD number {0} is already recorded in {1}."] =
            "Số CCCD {0} đã có trong danh sách của {1}.",
        ["A member with the CCCD number {0} is already recorded in another unit."] =
            "Số CCCD {0} đã có trong danh sách của một đơn vị khác.",
        ["The card number {0} is already another member's in another unit."] =
            "Số thẻ {0} đã là của một đoàn viên ở đơn vị khác.",
        ["The card number {0} is already another member's in {1}."] =
            "Số thẻ {0} đã là của một đoàn viên khác ở {1}.",
        ["Only the bloc office (Văn phòng Đoàn Khối) may {0}."] =
            "Chỉ Văn phòng Đoàn Khối được làm việc này.",
        ["Only the bloc office or the unit's secretary may {0}."] =
            "Chỉ Văn phòng Đoàn Khối hoặc bí thư của đơn vị được làm việc này.",
        ["The file is not a spreadsheet: send an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8), e.g. the template of GET /members/import-template."] =
            "Tệp không phải bảng tính: hãy gửi tệp Excel (.xlsx) hoặc tệp CSV (.csv, UTF-8), ví dụ tệp mẫu tải ở trang nhập danh sách.",
        ["The file is a zip archive but not an Excel workbook (.xlsx): send an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8), e.g. the template of GET /members/import-template."] =
            "Tệp là tệp nén nhưng không phải tệp Excel (.xlsx): hãy gửi tệp Excel (.xlsx) hoặc tệp CSV (.csv, UTF-8), ví dụ tệp mẫu tải ở trang nhập danh sách.",
        ["The file could not be read as a spreadsheet ({0}): send an Excel workbook (.xlsx) or a CSV file (.csv, UTF-8), e.g. the template of GET /members/import-template."] =
            "Không đọc được tệp như một bảng tính ({0}): hãy gửi tệp Excel (.xlsx) hoặc tệp CSV (.csv, UTF-8), ví dụ tệp mẫu tải ở trang nhập danh sách.",
        ["A cluster is required."] =
            "Hãy chọn cụm thi đua.",
        ["There is no cluster with id '{0}'."] =
            "Không có cụm thi đua mã '{0}'.",
        ["A unit with code '{0}' already exists."] =
            "Đã có đơn vị mã '{0}'.",
        ["Only the bloc office (Văn phòng Đoàn Khối) may move a unit to another cluster."] =
            "Chỉ Văn phòng Đoàn Khối được chuyển đơn vị sang cụm khác.",
        ["The unit already has a branch named '{0}'."] =
            "Đơn vị đã có chi đoàn tên '{0}'.",
        ["A unit kind is required: agency, enterprise or school."] =
            "Hãy chọn loại hình: cơ quan, doanh nghiệp hoặc trường học.",
        ["The day the youths were counted is required."] =
            "Hãy nhập ngày thống kê thanh niên.",
        ["A count is of today or earlier, not of {0:dd/MM/yyyy}."] =
            "Số liệu thống kê là của hôm nay trở về trước, không thể là ngày {0:dd/MM/yyyy}.",
        ["The number of youths is required."] =
            "Hãy nhập số thanh niên.",
        ["The unit {0} is closed; it cannot get a new branch."] =
            "Đơn vị {0} đã giải thể, không thêm chi đoàn được.",
        ["The unit {0} has {1} branches already; no more can be added."] =
            "Đơn vị {0} đã có {1} chi đoàn, không thêm được nữa.",
        ["The bloc has {0} emulation clusters already; no more can be created."] =
            "Đoàn Khối đã có {0} cụm thi đua, không tạo thêm được.",
        ["A year from {0} to {1} is evaluated; {2} is not."] =
            "Chỉ đánh giá các năm từ {0} đến {1}; năm {2} thì không.",
        ["The evaluation of {0} was closed by the standing committee on {1:dd/MM/yyyy}; its grades are locked. The standing committee reopens it, with the reason, before a grade changes."] =
            "Ban Thường vụ đã khóa đánh giá năm {0} ngày {1:dd/MM/yyyy}; các xếp loại không sửa được. Muốn sửa, Ban Thường vụ mở lại kèm lý do.",
        ["The evaluation of {0} is already closed (since {1:dd/MM/yyyy})."] =
            "Đánh giá năm {0} đã khóa (từ ngày {1:dd/MM/yyyy}).",
        ["The evaluation of {0} is open; only a closed year is reopened."] =
            "Đánh giá năm {0} đang mở; chỉ mở lại được năm đã khóa.",
        ["Reopening a closed evaluation needs the reason (it goes on the year's record)."] =
            "Mở lại đánh giá đã khóa cần ghi lý do (được lưu vào hồ sơ của năm).",
        ["The reason is at most {0} characters."] =
            "Lý do tối đa {0} ký tự.",
        ["{0} is no longer a member ({1} on {2:dd/MM/yyyy}); their evaluations no longer change."] =
            "{0} không còn là đoàn viên của đơn vị (từ ngày {2:dd/MM/yyyy}); xếp loại không thay đổi được nữa.",
        ["{0} joined the Union on {1:dd/MM/yyyy}, after {2}: there is nothing to evaluate for {3}."] =
            "{0} vào Đoàn ngày {1:dd/MM/yyyy}, sau năm {2}: không có gì để đánh giá cho năm {3}.",
        ["The unit {0} was closed on {1:dd/MM/yyyy}, before {2}: there is nothing to evaluate."] =
            "Đơn vị {0} đã giải thể ngày {1:dd/MM/yyyy}, trước năm {2}: không có gì để đánh giá.",
        ["A CCCD number is required."] =
            "Hãy nhập số CCCD.",
        ["A CCCD number has only digits."] =
            "Số CCCD chỉ gồm chữ số.",
        ["A CCCD number has {0} digits; this one has {1}."] =
            "Số CCCD có {0} chữ số; số này có {1}.",
        ["A CCCD number starts with a province code from 001 to 096, not {0}."] =
            "Số CCCD bắt đầu bằng mã tỉnh từ 001 đến 096, không phải {0}.",
        ["An ethnicity (dân tộc) is required, e.g. Kinh, Tày, Nùng."] =
            "Hãy chọn dân tộc, ví dụ Kinh, Tày, Nùng.",
        ["'{0}' is not one of Vietnam's 54 ethnic groups; write it as in the list (Kinh, Tày, Nùng, Dao, Mông, …) or by its code 01-54."] =
            "'{0}' không thuộc 54 dân tộc Việt Nam; ghi như trong danh sách (Kinh, Tày, Nùng, Dao, Mông, …) hoặc theo mã 01-54.",
        ["The Union admits young people from {0} to {1} years of age (Điều lệ Đoàn); on {2:dd/MM/yyyy} {3} is {4}."] =
            "Đoàn kết nạp thanh niên từ {0} đến {1} tuổi (Điều lệ Đoàn); ngày {2:dd/MM/yyyy} {3} {4} tuổi.",
        ["A member admitted now joins the Union on the day of the resolution."] =
            "Người được kết nạp vào Đoàn từ ngày của nghị quyết kết nạp.",
        ["The admission resolution's number (số nghị quyết/quyết định) is required, at most 50 characters."] =
            "Hãy nhập số nghị quyết/quyết định kết nạp, tối đa 50 ký tự.",
        ["The branch is not one of the member's unit."] =
            "Chi đoàn này không thuộc đơn vị của đoàn viên.",
        ["Two terms overlap: {0} and {1}. A member holds one post at a time."] =
            "Hai nhiệm kỳ trùng nhau: {0} và {1}. Mỗi lúc đoàn viên giữ một chức vụ.",
        ["The transfer cannot take effect on {0:dd/MM/yyyy}, before {1} joined the present unit ({2:dd/MM/yyyy})."] =
            "Không chuyển sinh hoạt ngày {0:dd/MM/yyyy} được: trước ngày {1} về đơn vị hiện nay ({2:dd/MM/yyyy}).",
        ["The unit {0} was closed on {1:dd/MM/yyyy}; it takes no new members."] =
            "Đơn vị {0} đã giải thể ngày {1:dd/MM/yyyy}, không nhận đoàn viên mới.",
        ["{0} cannot leave on {1:dd/MM/yyyy}, before joining the present unit ({2:dd/MM/yyyy})."] =
            "{0} không thể ra khỏi danh sách ngày {1:dd/MM/yyyy}, trước ngày về đơn vị hiện nay ({2:dd/MM/yyyy}).",
        ["{0} is in transfer and cannot be {1} until the receiving unit decides or the transfer is withdrawn."] =
            "{0} đang chuyển sinh hoạt: chờ đơn vị nhận quyết định hoặc rút giấy giới thiệu trước.",
        ["{0} is no longer a member of the unit ({1}) and cannot be {2}."] =
            "{0} không còn là đoàn viên của đơn vị.",
        ["A member matures out of the Union past {0} (Điều lệ Đoàn); on {1:dd/MM/yyyy} {2} is {3}."] =
            "Đoàn viên trưởng thành Đoàn khi quá {0} tuổi (Điều lệ Đoàn); ngày {1:dd/MM/yyyy} {2} mới {3} tuổi.",
        ["{0} holds a Union post ({1}) and stays a member until its term ends."] =
            "{0} đang giữ chức vụ Đoàn nên vẫn sinh hoạt đến hết nhiệm kỳ.",
        ["{0} already left the Union's rolls in the bloc ({1}, {2:dd/MM/yyyy})."] =
            "{0} đã ra khỏi danh sách đoàn viên của Đoàn Khối (ngày {2:dd/MM/yyyy}).",
        ["{0} is in transfer: the receiving unit decides first, or the transfer is withdrawn."] =
            "{0} đang chuyển sinh hoạt: chờ đơn vị nhận quyết định, hoặc rút giấy giới thiệu trước.",
        ["The reason is at most 500 characters."] =
            "Lý do tối đa 500 ký tự.",
        ["Removing (xóa tên) or expelling (khai trừ) a member needs the reason and the decision."] =
            "Xóa tên hoặc khai trừ cần ghi lý do và số quyết định.",
        ["{0} is already a Party member."] =
            "{0} đã là đảng viên.",
        ["The unit's decision number is required, at most 50 characters."] =
            "Hãy nhập số quyết định của đơn vị, tối đa 50 ký tự.",
        ["{0} has not been recommended to the Party; the Party admits recommended members."] =
            "{0} chưa được giới thiệu cho Đảng; Đảng xem xét kết nạp đoàn viên đã được giới thiệu.",
        ["The full name (họ và tên) is required."] =
            "Hãy nhập họ và tên.",
        ["A name has only letters, spaces, apostrophes and hyphens."] =
            "Họ tên chỉ gồm chữ cái, dấu cách, dấu nháy và gạch nối.",
        ["Write the full name, family name first (e.g. Hoàng Thị Thu Trang)."] =
            "Hãy ghi đầy đủ họ và tên, họ trước (ví dụ Hoàng Thị Thu Trang).",
        ["'{0}' is not a Vietnamese mobile number: 10 digits starting with 03, 05, 07, 08 or 09 (or +84 then 9 digits)."] =
            "'{0}' không phải số di động Việt Nam: 10 chữ số bắt đầu bằng 03, 05, 07, 08 hoặc 09 (hoặc +84 và 9 chữ số).",
        ["'{0}' is not an e-mail address (name@example.vn)."] =
            "'{0}' không phải địa chỉ thư điện tử (ví dụ ten@example.vn).",
        ["A card number has letters and digits only, at most {0}."] =
            "Số thẻ chỉ gồm chữ và số, tối đa {0} ký tự.",
        ["{0} is already in {1}."] =
            "{0} đã ở {1}.",
        ["The unit {0} is closed; it takes no members."] =
            "Đơn vị {0} đã giải thể, không nhận đoàn viên.",
        ["The branch {0} is not one of {1}'s."] =
            "Chi đoàn {0} không thuộc {1}.",
        ["A transfer is accepted on or after the day it was issued ({0:dd/MM/yyyy})."] =
            "Chỉ tiếp nhận từ ngày giới thiệu ({0:dd/MM/yyyy}) trở đi.",
        ["Say why the transfer is rejected, for the sending unit."] =
            "Hãy ghi lý do từ chối để đơn vị gửi biết.",
        ["The transfer was already {0} on {1:dd/MM/yyyy}; it cannot be {2}."] =
            "Giấy giới thiệu này đã được xử lý ngày {1:dd/MM/yyyy}; không thể xử lý lại.",
        ["At most {0} characters."] =
            "Tối đa {0} ký tự.",
        ["A name is required."] =
            "Hãy nhập tên.",
        ["The name is {0} characters long; at most {1} are allowed."] =
            "Tên dài {0} ký tự; tối đa {1} ký tự.",
        ["The name contains control characters."] =
            "Tên có ký tự điều khiển không hợp lệ.",
        ["A code is required."] =
            "Hãy nhập mã.",
        ["The code is {0} characters long; at most {1} are allowed."] =
            "Mã dài {0} ký tự; tối đa {1} ký tự.",
        ["A code uses only letters A-Z, digits, '-', '_' and '.', and starts with a letter or digit."] =
            "Mã chỉ gồm chữ A-Z, chữ số, '-', '_' và '.', bắt đầu bằng chữ hoặc số.",
        ["The bloc has {0} open units already; close one before creating another."] =
            "Đoàn Khối đã có {0} đơn vị đang hoạt động; giải thể một đơn vị trước khi tạo thêm.",
        ["The reason is {0} characters long; at most {1} are allowed."] =
            "Lý do dài {0} ký tự; tối đa {1} ký tự.",
        ["A unit cannot close before it was created ({0:dd/MM/yyyy})."] =
            "Không thể giải thể đơn vị trước ngày thành lập ({0:dd/MM/yyyy}).",
        ["The unit {0} was closed on {1:dd/MM/yyyy} and cannot be {2}."] =
            "Đơn vị {0} đã giải thể ngày {1:dd/MM/yyyy}, không thay đổi được nữa.",
        ["The unit {0} is closed; it records no more youths."] =
            "Đơn vị {0} đã giải thể, không ghi số thanh niên được nữa.",
        ["The number of youths is from 0 to {0:N0}."] =
            "Số thanh niên từ 0 đến {0:N0}.",
        ["A note is at most {0} characters."] =
            "Ghi chú tối đa {0} ký tự.",
        ["No header row found in the first {0} rows: the sheet needs a row with the column '{1}' (see the template, GET /members/import-template)."] =
            "Không thấy dòng tiêu đề trong {0} dòng đầu: bảng cần một dòng có cột '{1}' (xem tệp mẫu).",
        ["'{0}' is not a Union post: write Bí thư, Phó Bí thư or Ủy viên BCH, or leave it blank."] =
            "'{0}' không phải chức vụ Đoàn: ghi Bí thư, Phó Bí thư hoặc Ủy viên BCH, hoặc để trống.",
        ["The file is {0:0.#} MB; at most {1} MB are imported at once: split it."] =
            "Tệp nặng {0:0.#} MB; mỗi lần nhập tối đa {1} MB: hãy chia nhỏ tệp.",
        ["The file is empty."] =
            "Tệp trống.",
        ["The file is an Excel 97-2003 workbook (.xls): open it in Excel and save it as an Excel Workbook (.xlsx) or CSV UTF-8, then send it again."] =
            "Tệp là Excel 97-2003 (.xls): mở bằng Excel, lưu lại dạng Excel Workbook (.xlsx) hoặc CSV UTF-8 rồi gửi lại.",
    });
}
