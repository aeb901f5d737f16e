using DoanKhoi.Contracts.Membership;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;

namespace DoanKhoi.Identity.Domain;

/// <summary>Which members may hold a <c>member@member:&lt;id&gt;</c> post: one who exists and is on the
/// rolls, as identity's copy of the members (from membership's events) has them.</summary>
public static class MemberPosts
{
    /// <summary>Why a member post on this member is refused, or null when it may be given.</summary>
    public static ProblemText? WhyNoPost(this MemberCopy member) => member.Status switch
    {
        MemberStatus.Matured => ProblemText.Of($"{member.FullName} has matured out of the Union (trưởng thành Đoàn): a member post is given only to a member on the rolls."),
        MemberStatus.Left => ProblemText.Of($"{member.FullName} has left the Union's rolls in the bloc: a member post is given only to a member on the rolls."),
        _ => null,
    };
}
