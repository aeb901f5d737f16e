using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Evaluations;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Extensions;

/// <summary>The demo bloc's evaluation of 2022, closed by the standing committee: every member who
/// belonged then graded by their unit (mostly good or excellent, a few pass, very few fail, as the bloc's
/// reports have it), every unit graded, through the domain so the events go out as for a real year.</summary>
public static class DemoEvaluations
{
    public const int Year = 2022;
    private const int Seed = 2022_11_20;

    public static async Task<int> LoadAsync(MembershipDbContext db, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var random = new Random(Seed);
        var committee = new Decision(new DateOnly(Year, 12, 20), "thuongvu", now);
        var year = EvaluationYear.Open(Year, today);
        db.EvaluationYears.Add(year);
        var yearEnd = new DateOnly(Year, 12, 31);
        var units = await db.Units.OrderBy(u => u.Code).ToListAsync(ct);
        var graded = 0;
        foreach (var unit in units)
        {
            var unitDecision = new Decision(new DateOnly(Year, 12, 15), $"bithu.{unit.Code.ToLowerInvariant()}", now);
            var members = await db.Members.Where(m => m.UnitId == unit.Id && m.JoinedUnionOn <= yearEnd
                    && (m.Status == MemberStatus.Active || m.Status == MemberStatus.InTransfer))
                .OrderBy(m => m.Id).ToListAsync(ct);
            foreach (var member in members)
            {
                var (evaluation, _) = MemberEvaluation.Give(year, null, member, Draw(random, 0.32, 0.55, 0.11), null, unitDecision);
                db.MemberEvaluations.Add(evaluation);
            }
            var (unitEvaluation, _) = UnitEvaluation.Give(year, null, unit, Draw(random, 0.25, 0.65, 0.10), null, committee);
            db.UnitEvaluations.Add(unitEvaluation);
            await db.SaveChangesAsync(ct);
            graded += members.Count;
        }
        year.Close(committee);
        await db.SaveChangesAsync(ct);
        return graded;
    }

    private static Grade Draw(Random random, double excellent, double good, double pass) => random.NextDouble() switch
    {
        var x when x < excellent => Grade.Excellent,
        var x when x < excellent + good => Grade.Good,
        var x when x < excellent + good + pass => Grade.Pass,
        _ => Grade.Fail,
    };
}
