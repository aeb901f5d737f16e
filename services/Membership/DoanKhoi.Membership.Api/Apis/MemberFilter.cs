using DoanKhoi.Contracts.Membership;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>What a member list is filtered by, as the list, the export and the statistics take it.
/// Text is matched as people type: a name without diacritics, or a whole CCCD, phone or card number.</summary>
public sealed record MemberFilter(
    string? Q, Guid? UnitId, Guid? BranchId, Guid? ClusterId, string? Status, string? Gender, string? Ethnicity,
    int? AgeFrom, int? AgeTo, string? PartyStatus, string? Post)
{
    public const int MaxQueryLength = 100;

    /// <summary>A past day: who were the members (of the unit, branch or cluster) on that day, wherever
    /// they are now. Without it, the members as they are today.</summary>
    public DateOnly? On { get; init; }

    public IQueryable<Member> Apply(IQueryable<Member> query, Caller caller, MembershipDbContext db, DateOnly today, FieldErrors errors)
    {
        if (Q?.Length > MaxQueryLength) errors.Add("q", $"The search text is at most {MaxQueryLength} characters.");
        if (On > today) errors.Add("on", $"The members of a day are known up to today, not on {On:dd/MM/yyyy}.");
        if (On is { } on)
        {
            // Where each one belonged that day: a placement runs from its first day up to (not including) its end.
            var placements = db.MemberPlacements.Where(p => p.From <= on && (p.To == null || p.To > on));
            if (UnitId is { } u) placements = placements.Where(p => p.UnitId == u);
            if (BranchId is { } b) placements = placements.Where(p => p.BranchId == b);
            if (ClusterId is { } c) placements = placements.Where(p => db.Units.Any(x => x.Id == p.UnitId && x.ClusterId == c));
            query = query.Where(m => placements.Any(p => p.MemberId == m.Id));
            today = on;
        }
        else
        {
            if (UnitId is { } unit) query = query.Where(m => m.UnitId == unit);
            if (BranchId is { } branch) query = query.Where(m => m.BranchId == branch);
            if (ClusterId is { } cluster) query = query.Where(m => db.Units.Any(u => u.Id == m.UnitId && u.ClusterId == cluster));
        }

        if (Status?.Trim().ToLowerInvariant() == "all" || (On is not null && string.IsNullOrWhiteSpace(Status))) { }
        else if (errors.Check(() => MemberInput.ParseStatus(Status)) is { } status) query = query.Where(m => m.Status == status);
        else if (string.IsNullOrWhiteSpace(Status) || Status.Trim().Equals("current", StringComparison.OrdinalIgnoreCase))
            query = query.Where(m => m.Status == MemberStatus.Active || m.Status == MemberStatus.InTransfer);

        if (!string.IsNullOrWhiteSpace(Gender) && errors.Check<Gender?>(() => MemberInput.ParseGender(Gender)) is { } gender)
            query = query.Where(m => m.Gender == gender);
        if (!string.IsNullOrWhiteSpace(Ethnicity))
        {
            caller.EnsureMayUseEthnicity(UnitId, "ethnicity", "Filtering by ethnicity");
            if (errors.Check(() => Domain.Members.Ethnicity.From(Ethnicity)) is { } ethnicity)
                query = query.Where(m => m.EthnicityCode == ethnicity.Code);
        }
        if (AgeFrom is < 0 or > 120) errors.Add("ageFrom", "An age is between 0 and 120.");
        else if (AgeFrom is { } from)
        {
            var bornBy = today.AddYears(-from);
            query = query.Where(m => m.DateOfBirth <= bornBy);
        }
        if (AgeTo is < 0 or > 120) errors.Add("ageTo", "An age is between 0 and 120.");
        else if (AgeTo is { } to)
        {
            var bornAfter = today.AddYears(-(to + 1));
            query = query.Where(m => m.DateOfBirth > bornAfter);
        }
        if (AgeFrom > AgeTo) errors.Add("ageTo", "The highest age is below the lowest.");
        if (!string.IsNullOrWhiteSpace(PartyStatus) && errors.Check<PartyStatus?>(() => MemberInput.ParsePartyStatus(PartyStatus)) is { } party)
            query = query.Where(m => m.PartyStatus == party);
        if (!string.IsNullOrWhiteSpace(Post) && errors.Check<UnionPost?>(() => MemberInput.ParsePost(Post, "post")) is { } post)
            query = query.Where(m => m.Posts.Any(p => p.Post == post && p.From <= today && (p.To == null || p.To >= today)));

        var text = Q?.Trim() ?? "";
        var digits = new string(text.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray());
        if (digits.StartsWith("+84")) digits = "0" + digits[3..];
        if (digits.Length >= 4 && digits.All(char.IsAsciiDigit))
        {
            var phone = digits.StartsWith("84") && digits.Length == 11 ? "0" + digits[2..] : digits;
            query = query.Where(m => m.CitizenId == digits || m.Phone == phone || m.CardNumber == digits);
        }
        else if (text.Length > 0 && text.All(char.IsAsciiLetterOrDigit) && text.Any(char.IsAsciiDigit))
        {
            var card = text.ToUpperInvariant();
            query = query.Where(m => m.CardNumber == card);
        }
        else
        {
            foreach (var pattern in VietnameseText.ContainsPatterns(text))
                query = query.Where(m => EF.Functions.Like(m.FullNameFolded, pattern));
        }
        return query;
    }

    /// <summary>The same filter over the members' tallies (<see cref="MemberTally"/>), once <see cref="Apply"/>
    /// has checked it; null when it asks for what the tallies do not hold (text, branch, ethnicity, age, post,
    /// a past day).</summary>
    public IQueryable<MemberTally>? ApplyToTallies(IQueryable<MemberTally> tallies, MembershipDbContext db)
    {
        if (!string.IsNullOrWhiteSpace(Q) || BranchId is not null || !string.IsNullOrWhiteSpace(Ethnicity) || AgeFrom is not null || AgeTo is not null
            || !string.IsNullOrWhiteSpace(Post) || On is not null) return null;
        if (UnitId is { } unit) tallies = tallies.Where(t => t.UnitId == unit);
        if (ClusterId is { } cluster) tallies = tallies.Where(t => db.Units.Any(u => u.Id == t.UnitId && u.ClusterId == cluster));
        if (Status?.Trim().ToLowerInvariant() == "all") { }
        else if (MemberInput.ParseStatus(Status) is { } status) tallies = tallies.Where(t => t.Status == status);
        else tallies = tallies.Where(t => t.Status == MemberStatus.Active || t.Status == MemberStatus.InTransfer);
        if (!string.IsNullOrWhiteSpace(Gender))
        {
            var gender = MemberInput.ParseGender(Gender);
            tallies = tallies.Where(t => t.Gender == gender);
        }
        if (!string.IsNullOrWhiteSpace(PartyStatus))
        {
            var party = MemberInput.ParsePartyStatus(PartyStatus);
            tallies = tallies.Where(t => t.PartyStatus == party);
        }
        return tallies;
    }
}
