using DoanKhoi.Identity.Infrastructure;
using DoanKhoi.Organisation;
using DoanKhoi.Security;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Identity.Consumers;

/// <summary>When a member matures out or leaves, their member post is taken from any account that holds it
/// and an unused one-time code is withdrawn, in the transaction that records it in identity's copy of the
/// members: the account keeps its history (and any other post) but the member post grants nothing from
/// the next token on. Those removals are on the audit trail, by the member copy's consumer.</summary>
public sealed class MemberPostsWithdrawal(AccountsDbContext db) : IMembersChanged<AccountsDbContext>
{
    public async Task ChangedAsync(IReadOnlyCollection<MemberCopy> members, CancellationToken ct)
    {
        var gone = members.Where(m => !m.IsCurrent).Select(m => m.Id).ToList();
        if (gone.Count == 0) return;
        db.PostAssignments.RemoveRange(await db.PostAssignments
            .Where(p => p.Role == Role.Member && p.Node == NodeKind.Member && p.NodeId != null && gone.Contains(p.NodeId.Value)).ToListAsync(ct));
        db.MemberCodes.RemoveRange(await db.MemberCodes.Where(c => gone.Contains(c.MemberId) && c.UsedAt == null).ToListAsync(ct));
    }
}
