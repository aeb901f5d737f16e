using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Apis;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Files;

/// <summary>Imports the members of a sheet into one unit (<c>into</c>) or, for the bloc office, into the
/// units its unit column names. Each row is accepted, already recorded (its CCCD, else its card number,
/// else its name and date of birth in the unit, is a member with the same data), or refused with the
/// column and the reason. The bloc's members are looked up in one query; a commit registers every
/// accepted row through <see cref="Member.Register"/> (each raises its own event) and saves them in one
/// SaveChanges: one transaction, all or nothing.</summary>
public sealed class MemberImport(MembershipDbContext db, Caller caller, DateOnly today, DateTimeOffset now)
{
    private sealed class Outcome(ImportRow row)
    {
        public ImportRow Row { get; } = row;
        public Unit? Unit { get; set; }
        public Branch? Branch { get; set; }
        public MemberProfile? Profile { get; set; }
        public UnionPostTerm? Post { get; set; }
        public List<(string Field, ProblemText Message)> Problems { get; } = [];
        public Guid? MemberId { get; set; }
        public bool AlreadyRecorded { get; set; }
        public bool Accepted => Problems.Count == 0 && !AlreadyRecorded;
    }

    private sealed record Existing(
        Guid Id, Guid UnitId, Guid? BranchId, MemberStatus Status, string FullName, string FullNameFolded, DateOnly DateOfBirth, Gender Gender,
        string EthnicityCode, string? CitizenId, string? Phone, string? Email, DateOnly JoinedUnionOn, string? CardNumber, bool IsCadre,
        PartyStatus PartyStatus, UnionPost? Post, DateOnly? PostFrom);

    /// <summary>Checks (and with <paramref name="commit"/>, records) the sheet's rows; each refused row's reasons
    /// in the catalogue's language when one is given (the request asked for Vietnamese), else in English.</summary>
    public async Task<MemberImportReport> RunAsync(MemberSheet sheet, Unit? into, bool commit, ProblemCatalogue? language, CancellationToken ct)
    {
        var units = into is not null ? [into] : await db.Units.AsNoTracking().ToListAsync(ct);
        var outcomes = sheet.Rows.Select(r => new Outcome(r)).ToList();
        foreach (var o in outcomes) o.Unit = ResolveUnit(o, units, into);
        var unitIds = outcomes.Select(o => o.Unit?.Id).OfType<Guid>().Distinct().ToList();
        var branches = (await db.Branches.AsNoTracking().Where(b => unitIds.Contains(b.UnitId)).ToListAsync(ct))
            .ToLookup(b => b.UnitId);
        foreach (var o in outcomes) Check(o, sheet, branches);

        var candidates = outcomes.Where(o => o.Profile is not null && o.Unit is not null).ToList();
        RefuseDuplicatesWithinTheFile(candidates);
        await CompareWithTheBlocAsync(candidates.Where(o => o.Problems.Count == 0).ToList(), sheet, ct);

        var accepted = outcomes.Where(o => o.Accepted).ToList();
        if (commit && accepted.Count > 0) await CommitAsync(accepted, ct);

        var items = outcomes.Select(o => new ImportedRow(o.Row.Number,
            o.Problems.Count > 0 ? ImportRowResult.Refused : o.AlreadyRecorded ? ImportRowResult.AlreadyRecorded : ImportRowResult.Accepted,
            o.Profile?.Name.Value ?? o.Row.FullName, o.Unit?.Id, o.MemberId, Problems(o, sheet, language))).ToList();
        return new MemberImportReport(commit, items.Count, accepted.Count, items.Count(i => i.Result == ImportRowResult.AlreadyRecorded),
            items.Count(i => i.Result == ImportRowResult.Refused), items);
    }

    /// <summary>Rows saved per SaveChanges: the change tracker stays small, the transaction is still one.</summary>
    private const int SaveBatch = 1000;

    /// <summary>Registers every accepted row, all in one transaction: a failure leaves none of them. The
    /// members are made inside the retried block, so that a retry writes their events again.</summary>
    private async Task CommitAsync(List<Outcome> accepted, CancellationToken ct)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var batch in accepted.Chunk(SaveBatch))
            {
                foreach (var o in batch)
                {
                    var member = Member.Register(o.Profile!, o.Unit!, o.Branch, new Decision(o.Profile!.JoinedUnionOn, caller.AuditName, now), post: o.Post);
                    db.Members.Add(member);
                    o.MemberId = member.Id;
                }
                await db.SaveChangesAsync(ct);
                db.ChangeTracker.Clear();
            }
            await transaction.CommitAsync(ct);
        });
    }

    private static Unit? ResolveUnit(Outcome o, IReadOnlyList<Unit> units, Unit? into)
    {
        var (text, byCode) = o.Row.UnitCode is { } code ? (code, true) : (o.Row.Unit, false);
        if (text is null)
        {
            if (into is null) o.Problems.Add(("unit", "The unit is required: write its code (e.g. DCS-SYT) or its name."));
            return into;
        }
        var key = VietnameseText.Fold(text);
        var matches = units.Where(u => u.Code.Equals(text.Trim(), StringComparison.OrdinalIgnoreCase) || (!byCode && u.NameFolded == key)).ToList();
        if (into is not null)
        {
            if (matches.Count == 0)
                o.Problems.Add((byCode ? "unitCode" : "unit", ProblemText.Of($"This file is imported into {into.Name} ({into.Code}); this row names '{text}'. Leave the unit blank or import the row into its own unit.")));
            return into;
        }
        if (matches.Count == 1)
        {
            if (matches[0].Status == UnitStatus.Closed)
                o.Problems.Add((byCode ? "unitCode" : "unit", ProblemText.Of($"The unit {matches[0].Name} was closed on {matches[0].ClosedOn:dd/MM/yyyy}; it takes no new members.")));
            return matches[0];
        }
        o.Problems.Add((byCode ? "unitCode" : "unit", matches.Count == 0
            ? ProblemText.Of($"'{text}' is no unit of the bloc: write the unit's code (e.g. DCS-SYT) or its name as the bloc records it.")
            : ProblemText.Of($"Several units are named '{text}': write the unit's code instead ({string.Join(", ", matches.Select(u => u.Code))}).")));
        return null;
    }

    /// <summary>Every field of the row checked as a request's would be (the same messages), and the branch and post.</summary>
    private void Check(Outcome o, MemberSheet sheet, ILookup<Guid, Branch> branches)
    {
        var row = o.Row;
        foreach (var (field, message) in row.Unreadable) o.Problems.Add((field, message));
        var errors = new FieldErrors();
        var profile = MemberInput.Parse(row, errors, today);
        foreach (var (field, messages) in errors.Texts)
            if (!row.Unreadable.ContainsKey(field))
                foreach (var message in messages) o.Problems.Add((field, message));
        if (row.Branch is { } branchName && o.Unit is { } unit)
        {
            var key = VietnameseText.Fold(branchName);
            o.Branch = branches[unit.Id].FirstOrDefault(b => b.NameFolded == key || VietnameseText.Fold(b.Name.Replace("Chi đoàn", "", StringComparison.OrdinalIgnoreCase)) == key);
            if (o.Branch is null)
            {
                var known = branches[unit.Id].Select(b => b.Name).Order().Take(10).ToList();
                o.Problems.Add(("branch", known.Count == 0
                    ? ProblemText.Of($"{unit.Name} has no branch '{branchName}': it has no branches yet; leave the column blank or create the branch first.")
                    : ProblemText.Of($"{unit.Name} has no branch '{branchName}'; its branches are {string.Join(", ", known)}. Correct the name or create the branch first.")));
            }
        }
        if (row.Post is { } post)
        {
            var from = row.PostFrom ?? today;
            if (from > today) o.Problems.Add(("postFrom", ProblemText.Of($"The term of the post begins {from:dd/MM/yyyy}, in the future.")));
            else if (row.JoinedUnionOn is { } joined && from < joined)
                o.Problems.Add(("postFrom", ProblemText.Of($"The term of the post begins {from:dd/MM/yyyy}, before the member joined the Union ({joined:dd/MM/yyyy}).")));
            o.Post = new UnionPostTerm(post, from, null);
        }
        if (o.Problems.Count == 0 && profile is not null)
            o.Profile = sheet.Has(MemberColumns.Post) && o.Post is not null ? profile with { IsCadre = true } : profile;
        else
            o.Profile = profile;
    }

    /// <summary>A person is on the file once: the CCCD, else the card number, else the name and date of
    /// birth in the unit, of a later row already on an earlier one refuses the later row.</summary>
    private static void RefuseDuplicatesWithinTheFile(List<Outcome> candidates)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var o in candidates)
        {
            var p = o.Profile!;
            void Once(string key, string field, string what)
            {
                if (seen.TryGetValue(key, out var first)) o.Problems.Add((field, $"{what} is also on row {first} of this file: a member is imported once."));
                else seen[key] = o.Row.Number;
            }
            if (p.CitizenId is { } cccd) Once("cccd:" + cccd.Value, "citizenId", $"The CCCD {cccd.Value}");
            if (p.CardNumber is { } card) Once("card:" + card, "cardNumber", $"The card number {card}");
            if (p.CitizenId is null && p.CardNumber is null)
                Once($"name:{o.Unit!.Id}:{p.Name.Folded}:{p.DateOfBirth}", "fullName", $"{p.Name.Value}, born {p.DateOfBirth:dd/MM/yyyy},");
        }
    }

    /// <summary>One query for every member of the bloc the rows could be: by CCCD, card number, or name in the unit.</summary>
    private async Task CompareWithTheBlocAsync(List<Outcome> candidates, MemberSheet sheet, CancellationToken ct)
    {
        if (candidates.Count == 0) return;
        var cccds = candidates.Select(o => o.Profile!.CitizenId?.Value).OfType<string>().Distinct().ToList();
        var cards = candidates.Select(o => o.Profile!.CardNumber).OfType<string>().Distinct().ToList();
        var named = candidates.Where(o => o.Profile!.CitizenId is null && o.Profile.CardNumber is null).ToList();
        var names = named.Select(o => o.Profile!.Name.Folded).Distinct().ToList();
        var unitIds = named.Select(o => o.Unit!.Id).Distinct().ToList();
        var existing = await db.Members.AsNoTracking()
            .Where(m => cccds.Contains(m.CitizenId!) || cards.Contains(m.CardNumber!) || (names.Contains(m.FullNameFolded) && unitIds.Contains(m.UnitId)))
            .Select(m => new Existing(m.Id, m.UnitId, m.BranchId, m.Status, m.FullName, m.FullNameFolded, m.DateOfBirth, m.Gender, m.EthnicityCode,
                m.CitizenId, m.Phone, m.Email, m.JoinedUnionOn, m.CardNumber, m.IsCadre, m.PartyStatus,
                m.Posts.Where(p => p.From <= today && (p.To == null || p.To >= today)).Select(p => (UnionPost?)p.Post).FirstOrDefault(),
                m.Posts.Where(p => p.From <= today && (p.To == null || p.To >= today)).Select(p => (DateOnly?)p.From).FirstOrDefault()))
            .ToListAsync(ct);
        var byCccd = existing.Where(m => m.CitizenId is not null).ToDictionary(m => m.CitizenId!);
        var byCard = existing.Where(m => m.CardNumber is not null).ToDictionary(m => m.CardNumber!);
        var byName = existing.ToLookup(m => (m.UnitId, m.FullNameFolded, m.DateOfBirth));
        var reachable = await db.Units.AsNoTracking().VisibleTo(caller, db).Select(u => new { u.Id, u.Name }).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
        string Where(Guid unitId) => reachable.TryGetValue(unitId, out var name) ? $" in {name}" : " in another unit";

        foreach (var o in candidates)
        {
            var p = o.Profile!;
            Existing? same = null;
            if (p.CitizenId is { } cccd && byCccd.TryGetValue(cccd.Value, out var withCccd))
            {
                if (withCccd.UnitId != o.Unit!.Id || withCccd.Status is not (MemberStatus.Active or MemberStatus.InTransfer))
                {
                    o.Problems.Add(("citizenId", $"A member with the CCCD number {cccd.Value} is already recorded{Where(withCccd.UnitId)}"
                        + (withCccd.Status is MemberStatus.Active or MemberStatus.InTransfer ? "." : $" ({withCccd.Status.ToString().ToLowerInvariant()}).")));
                    continue;
                }
                same = withCccd;
            }
            else if (p.CitizenId is null && p.CardNumber is { } card && byCard.TryGetValue(card, out var withCard)
                && withCard.UnitId == o.Unit!.Id && withCard.FullNameFolded == p.Name.Folded && withCard.DateOfBirth == p.DateOfBirth)
                same = withCard;
            else if (p.CitizenId is null && p.CardNumber is null)
                same = byName[(o.Unit!.Id, p.Name.Folded, p.DateOfBirth)].FirstOrDefault(m => m.CitizenId is null);

            if (p.CardNumber is { } number && byCard.TryGetValue(number, out var holder) && holder.Id != same?.Id)
            {
                o.Problems.Add(("cardNumber", $"The card number {number} is already another member's{Where(holder.UnitId)}."));
                continue;
            }
            if (same is null) continue;
            var differences = Differences(o, same, sheet).ToList();
            if (differences.Count == 0)
            {
                o.AlreadyRecorded = true;
                o.MemberId = same.Id;
            }
            else
            {
                o.Problems.Add((differences[0], $"{same.FullName} is already recorded in {o.Unit!.Name} with a different "
                    + $"{string.Join(", ", differences.Select(sheet.HeaderOf))}: correct the member's record, or the row."));
            }
        }
    }

    /// <summary>The fields the file gives (its columns) whose value is not what the member's record holds.</summary>
    private static IEnumerable<string> Differences(Outcome o, Existing m, MemberSheet sheet)
    {
        var p = o.Profile!;
        if (m.FullName != p.Name.Value) yield return "fullName";
        if (m.DateOfBirth != p.DateOfBirth) yield return "dateOfBirth";
        if (m.Gender != p.Gender) yield return "gender";
        if (m.EthnicityCode != p.Ethnicity.Code) yield return "ethnicity";
        if (m.JoinedUnionOn != p.JoinedUnionOn) yield return "joinedUnionOn";
        if (sheet.Has(MemberColumns.CitizenId) && m.CitizenId != p.CitizenId?.Value) yield return "citizenId";
        if (sheet.Has(MemberColumns.Phone) && m.Phone != p.Phone) yield return "phone";
        if (sheet.Has(MemberColumns.Email) && m.Email != p.Email) yield return "email";
        if (sheet.Has(MemberColumns.CardNumber) && m.CardNumber != p.CardNumber) yield return "cardNumber";
        if (sheet.Has(MemberColumns.PartyStatus) && m.PartyStatus != p.PartyStatus) yield return "partyStatus";
        if (sheet.Has(MemberColumns.IsCadre) && m.IsCadre != p.IsCadre) yield return "isCadre";
        if (sheet.Has(MemberColumns.Branch) && m.BranchId != o.Branch?.Id) yield return "branch";
        if (sheet.Has(MemberColumns.Post) && m.Post != o.Post?.Post) yield return "post";
        else if (o.Row.PostFrom is { } from && m.PostFrom != from) yield return "postFrom";
    }

    /// <summary>Each problem once, under the column(s) the file names it by: a CCCD that contradicts the
    /// date of birth is one reason for the two columns.</summary>
    private static List<ImportProblem> Problems(Outcome o, MemberSheet sheet, ProblemCatalogue? language) =>
        o.Problems.GroupBy(p => p.Message.English)
            .Select(g => new ImportProblem(string.Join(", ", g.Select(p => sheet.HeaderOf(p.Field)).Distinct()), g.First().Message.In(language)))
            .Take(ImportProblem.MaxPerRow)
            .ToList();
}
