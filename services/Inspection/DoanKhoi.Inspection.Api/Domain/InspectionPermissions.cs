using DoanKhoi.Inspection.Domain.Discipline;
using DoanKhoi.Inspection.Domain.Inspections;
using DoanKhoi.Inspection.Domain.Recommendations;
using DoanKhoi.Inspection.Infrastructure;
using DoanKhoi.Organisation;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Inspection.Domain;

/// <summary>Who sees and records what of inspection and supervision. The inspection committee (Ủy ban
/// Kiểm tra) plans and records inspections, findings, conclusions, recommendations' verification and
/// discipline, and reads everything; the standing committee and the bloc office read everything (the
/// bloc office also records social critique and youth forums); a cluster lead sees the inspections of
/// the cluster's units; a unit's secretary sees their unit's and reports what the unit did of its
/// recommendations; a member sees the disciplinary decisions about themselves. Findings about a named
/// person are personal data: only the inspection and standing committees read them, and each read is
/// on the audit trail. Out of reach is answered like "does not exist".</summary>
public static class InspectionPermissions
{
    /// <summary>Plans and records inspections, findings, conclusions and discipline; verifies recommendations.</summary>
    public static bool Inspects(this Caller caller) => caller.Holds(Role.InspectionCommittee);

    public static void EnsureInspects(this Caller caller)
    {
        if (!caller.Inspects()) throw new ForbiddenException("Only the inspection committee (Ủy ban Kiểm tra) records inspections, their findings and conclusions.");
    }

    /// <summary>Records social critique and youth forums: the inspection committee or the bloc office.</summary>
    public static void EnsureRecordsSupervisionInput(this Caller caller)
    {
        if (!caller.Inspects() && !caller.IsBlocOffice)
            throw new ForbiddenException("Only the inspection committee or the bloc office records social critique and youth forums.");
    }

    /// <summary>The bloc's own registers (the inspection programme, social critique): the bloc's posts read them.</summary>
    public static void EnsureReadsBlocRegisters(this Caller caller)
    {
        if (!caller.SeesWholeBloc)
            throw new ForbiddenException("The inspection programme and the register of social critique are the bloc's: the standing committee, the bloc office and the inspection committee read them.");
    }

    /// <summary>Reads findings about named people (personal data): the inspection and standing committees.</summary>
    public static bool ReadsPersonalFindings(this Caller caller) => caller.Inspects() || caller.Holds(Role.StandingCommittee);

    /// <summary>The units whose inspections the caller sees; null for the whole bloc.</summary>
    public static async Task<HashSet<Guid>?> UnitsSeenAsync(this Caller caller, InspectionDbContext db, CancellationToken ct)
    {
        if (caller.SeesWholeBloc) return null;
        return [.. await db.Units.VisibleTo(caller, db).Select(u => u.Id).ToListAsync(ct)];
    }

    /// <summary>The inspections the caller sees: all for the bloc's posts, else those with a subject in their units.</summary>
    public static IQueryable<Inspections.Inspection> VisibleTo(this IQueryable<Inspections.Inspection> inspections, HashSet<Guid>? units) =>
        units is null ? inspections : inspections.Where(i => i.Subjects.Any(s => units.Contains(s.UnitId)));

    public static IQueryable<Recommendation> VisibleTo(this IQueryable<Recommendation> recommendations, HashSet<Guid>? units) =>
        units is null ? recommendations : recommendations.Where(r => units.Contains(r.UnitId));

    /// <summary>The inspection, if the caller sees it; one out of reach is "not found", like one that does not exist.</summary>
    public static async Task<Inspections.Inspection> ReachableInspectionAsync(this InspectionDbContext db, Caller caller, Guid id, CancellationToken ct,
        bool tracked = false)
    {
        var units = await caller.UnitsSeenAsync(db, ct);
        var query = (tracked ? db.Inspections : db.Inspections.AsNoTracking()).Include(i => i.Findings);
        return await query.VisibleTo(units).FirstOrDefaultAsync(i => i.Id == id, ct)
               ?? (await db.Inspections.AnyAsync(i => i.Id == id, ct) ? throw new OutOfReachException("inspection", id) : throw new NotFoundException("inspection", id));
    }

    public static async Task<Recommendation> ReachableRecommendationAsync(this InspectionDbContext db, Caller caller, Guid id, CancellationToken ct, bool tracked = false)
    {
        var units = await caller.UnitsSeenAsync(db, ct);
        var query = tracked ? db.Recommendations : db.Recommendations.AsNoTracking();
        return await query.VisibleTo(units).FirstOrDefaultAsync(r => r.Id == id, ct)
               ?? (await db.Recommendations.AnyAsync(r => r.Id == id, ct)
                   ? throw new OutOfReachException("recommendation", id) : throw new NotFoundException("recommendation", id));
    }

    /// <summary>Reports what was done of a recommendation: the secretary of its unit (or of a branch of it).</summary>
    public static async Task EnsureReportsForAsync(this Caller caller, Recommendation recommendation, InspectionDbContext db, CancellationToken ct)
    {
        if (caller.Posts.Contains(Post.OnUnit(recommendation.UnitId))) return;
        var branches = caller.NodesOf(NodeKind.Branch).ToArray();
        if (branches.Length > 0 && caller.Holds(Role.UnitSecretary)
            && await db.Branches.AnyAsync(b => branches.Contains(b.Id) && b.UnitId == recommendation.UnitId, ct)) return;
        throw new ForbiddenException("Only the secretary of the unit it is addressed to reports what was done of a recommendation.");
    }

    /// <summary>Sees a disciplinary decision: the bloc's posts, the secretary or cluster lead of the member's unit, and the member.</summary>
    public static async Task<bool> SeesAsync(this Caller caller, DisciplinaryDecision decision, InspectionDbContext db, CancellationToken ct) =>
        caller.SeesWholeBloc || caller.Posts.Contains(Post.OfMember(decision.MemberId))
        || ((await caller.UnitsSeenAsync(db, ct))?.Contains(decision.UnitId) ?? true);

    /// <summary>The subject as the organisation knows it: a unit of the tree, or a member with their unit.</summary>
    public static async Task<SubjectOf> ResolveSubjectAsync(this InspectionDbContext db, SubjectKind kind, Guid id, string field, CancellationToken ct)
    {
        if (kind == SubjectKind.Unit)
        {
            var unit = await db.Units.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct)
                       ?? throw new ValidationFailedException(field, $"There is no unit with id '{id}'.");
            return new SubjectOf(SubjectKind.Unit, unit.Id, unit.Id, unit.Name);
        }
        var member = await db.Members.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct)
                     ?? throw new ValidationFailedException(field, $"There is no member with id '{id}'.");
        return new SubjectOf(SubjectKind.Person, member.Id, member.UnitId, member.FullName);
    }
}
