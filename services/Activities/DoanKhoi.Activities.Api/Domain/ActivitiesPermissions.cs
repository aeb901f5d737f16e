using DoanKhoi.Activities.Domain.Activities;
using DoanKhoi.Activities.Infrastructure;
using DoanKhoi.Contracts.Activities;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Activities.Domain;

/// <summary>Who sees and records which activities. An activity is recorded once, by whoever organised
/// it: the bloc office the bloc's, a cluster lead the cluster's, a unit's secretary the unit's (the bloc
/// office may record any). Everyone sees the bloc's activities; the bloc's posts see all; a cluster lead
/// the cluster's and its units'; a secretary or a member their unit's and their cluster's; co-organisers theirs.
/// Out of reach is answered like "does not exist".</summary>
public static class ActivitiesPermissions
{
    /// <summary>Whether the caller records the activities of <paramref name="organiser"/>.</summary>
    public static bool Keeps(this Caller caller, Organiser organiser) =>
        caller.IsBlocOffice || organiser switch
        {
            { Level: OrganiserLevel.Cluster, Id: { } cluster } => caller.Posts.Contains(Post.OnCluster(cluster)),
            { Level: OrganiserLevel.Unit, Id: { } unit } => caller.Posts.Contains(Post.OnUnit(unit)),
            _ => false,
        };

    public static void EnsureKeeps(this Caller caller, Organiser organiser)
    {
        if (caller.Keeps(organiser)) return;
        throw organiser.Level switch
        {
            OrganiserLevel.Bloc => new ForbiddenException("Only the bloc office (Văn phòng Đoàn Khối) records the bloc's activities.", "organiserLevel"),
            OrganiserLevel.Cluster => new ForbiddenException("Only the cluster's lead or the bloc office records a cluster's activities.", "organiserId"),
            _ => new ForbiddenException("Only the unit's secretary or the bloc office records a unit's activities.", "organiserId"),
        };
    }

    /// <summary>The activities the caller sees.</summary>
    public static async Task<IQueryable<Activity>> VisibleToAsync(this IQueryable<Activity> activities, Caller caller, ActivitiesDbContext db, CancellationToken ct)
    {
        if (caller.SeesWholeBloc) return activities;
        var units = await db.Units.VisibleTo(caller, db).Select(u => new { u.Id, u.ClusterId }).ToListAsync(ct);
        var members = caller.NodesOf(NodeKind.Member).ToArray();
        var ownUnits = await db.Members.Where(m => members.Contains(m.Id)).Join(db.Units, m => m.UnitId, u => u.Id, (m, u) => new { u.Id, u.ClusterId }).ToListAsync(ct);
        var nodes = units.Concat(ownUnits).SelectMany(u => new[] { u.Id, u.ClusterId }).Concat(caller.Reach.Clusters).Distinct().ToArray();
        return activities.Where(a => a.OrganiserLevel == OrganiserLevel.Bloc || nodes.Contains(a.OrganiserId!.Value)
                                     || a.CoOrganiserIds.Any(id => nodes.Contains(id)));
    }

    /// <summary>Whether the caller may register, withdraw or mark <paramref name="member"/>: the member
    /// themselves, the activity's keeper, or the secretary of the member's unit or branch.</summary>
    public static bool ActsFor(this Caller caller, MemberCopy member, Activity activity) =>
        caller.Posts.Contains(Post.OfMember(member.Id)) || caller.Keeps(new Organiser(activity.OrganiserLevel, activity.OrganiserId))
        || caller.Posts.Contains(Post.OnUnit(member.UnitId)) || (member.BranchId is { } branch && caller.Posts.Contains(Post.OnBranch(branch)));

    /// <summary>The member the caller is, for a check-in: a member post.</summary>
    public static Guid OwnMemberId(this Caller caller) =>
        caller.NodesOf(NodeKind.Member).FirstOrDefault() is { } id && id != Guid.Empty
            ? id : throw new ForbiddenException("Only a member checks in, with their own account.");

    /// <summary>The activity, if the caller sees it; one out of reach is "not found", like one that does not exist.</summary>
    public static async Task<Activity> ReachableAsync(this ActivitiesDbContext db, Caller caller, Guid id, CancellationToken ct, bool tracked = false)
    {
        var activities = tracked ? db.Activities : db.Activities.AsNoTracking();
        return await (await activities.VisibleToAsync(caller, db, ct)).FirstOrDefaultAsync(a => a.Id == id, ct)
               ?? (await db.Activities.AnyAsync(a => a.Id == id, ct) ? throw new OutOfReachException("activity", id) : throw new NotFoundException("activity", id));
    }
}
