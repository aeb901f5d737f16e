using DoanKhoi.Problems;

namespace DoanKhoi.Identity.Extensions;

/// <summary>The identity service's refusals in Vietnamese (accounts, posts, members' accounts, and ASP.NET
/// Core Identity's password rules), for the portal and anyone who asks with <c>Accept-Language: vi</c>.
/// Keyed by the English template (<see cref="ProblemText.Template"/>); a message missing here is said in
/// English.</summary>
public static class VietnameseProblems
{
    public static readonly ProblemCatalogue Catalogue = new(new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["A user name is required."] =
            "Hãy nhập tên đăng nhập.",
        ["A display name is required, e.g. 'Nguyễn Thị Hà'."] =
            "Hãy nhập tên hiển thị, ví dụ 'Nguyễn Thị Hà'.",
        ["A first password is required."] =
            "Hãy đặt mật khẩu ban đầu.",
        ["The user name '{0}' is taken."] =
            "Tên đăng nhập '{0}' đã có người dùng.",
        ["An account holds at most {0} posts; {1} were sent."] =
            "Mỗi tài khoản giữ tối đa {0} chức vụ; đang chọn {1}.",
        ["A post is at most {0} characters long."] =
            "Mỗi chức vụ tối đa {0} ký tự.",
        ["There is no {0} with id '{1}' in the organisation (or membership has not told identity of it yet)."] =
            "Không có tổ chức mã '{1}' (hoặc vừa tạo, hãy thử lại sau ít giây).",
        ["There is no member with id '{0}' (or membership has not told identity of them yet)."] =
            "Không có đoàn viên mã '{0}' (hoặc vừa ghi nhận, hãy thử lại sau ít giây).",
        ["Another account already holds the post '{0}': a member has one account."] =
            "Một tài khoản khác đã giữ chức vụ '{0}': mỗi đoàn viên có một tài khoản.",
        ["'{0}' is not a post: write role@node, e.g. 'bloc-office@bloc', 'cluster-lead@cluster:<id>', 'unit-secretary@unit:<id>', 'unit-secretary@branch:<id>' or 'member@member:<id>'."] =
            "'{0}' không phải chức vụ: hãy chọn chức vụ và tổ chức trong danh sách.",
        ["Say which unit: ?unitId=<id>."] =
            "Hãy chọn đơn vị.",
        ["Send either `memberIds` (the members to give accounts to) or `unitId` (every current member of the unit without one)."] =
            "Hãy chọn các đoàn viên cần cấp tài khoản, hoặc cả đơn vị.",
        ["List at least one member."] =
            "Hãy chọn ít nhất một đoàn viên.",
        ["At most {0} members in one request; {1} were sent."] =
            "Mỗi lần tối đa {0} đoàn viên; đang chọn {1}.",
        ["The unit has {0} members to give accounts to; at most {1} in one request: list them by `memberIds`, a few hundred at a time."] =
            "Đơn vị có {0} đoàn viên cần cấp tài khoản; mỗi lần tối đa {1}: hãy chọn từng nhóm vài trăm người.",
        ["{0} already signs in with the account '{1}'."] =
            "{0} đã có tài khoản '{1}'.",
        ["Only the bloc office or a unit's secretary (unit-secretary@unit:<id>) may give members their accounts."] =
            "Chỉ Văn phòng Đoàn Khối hoặc bí thư đơn vị được cấp tài khoản cho đoàn viên.",
        ["A system signs in with its client credentials, not on devices: there is nothing to sign out."] =
            "Hệ thống đăng nhập bằng khóa của nó, không trên thiết bị nào: không có gì để đăng xuất.",
        ["Passwords must be at least 10 characters."] =
            "Mật khẩu cần ít nhất 10 ký tự.",
        ["Passwords must have at least one digit ('0'-'9')."] =
            "Mật khẩu cần ít nhất một chữ số (0-9).",
        ["Passwords must have at least one lowercase ('a'-'z')."] =
            "Mật khẩu cần ít nhất một chữ thường (a-z).",
        ["{0} has matured out of the Union (trưởng thành Đoàn): a member post is given only to a member on the rolls."] =
            "{0} đã trưởng thành Đoàn: chỉ đoàn viên đang trong danh sách mới được cấp tài khoản đoàn viên.",
        ["{0} has left the Union's rolls in the bloc: a member post is given only to a member on the rolls."] =
            "{0} đã ra khỏi danh sách đoàn viên của Đoàn Khối: chỉ đoàn viên đang trong danh sách mới được cấp tài khoản đoàn viên.",
    });
}
