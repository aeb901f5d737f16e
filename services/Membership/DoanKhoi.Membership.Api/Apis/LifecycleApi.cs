using System.ComponentModel.DataAnnotations;
using DoanKhoi.Files;
using DoanKhoi.Membership.Domain;
using DoanKhoi.Membership.Domain.Members;
using DoanKhoi.Membership.Infrastructure;
using DoanKhoi.Problems;
using DoanKhoi.Security;
using DoanKhoi.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace DoanKhoi.Membership.Apis;

/// <summary>A member's life in the Union after admission: transfers between units (both sides),
/// maturity at 30, leaving, and the Party path. Every step dated, with who decided it.</summary>
public static class LifecycleApi
{
    private const string Decided = "The transfer was decided already (accepted, rejected or withdrawn).";

    public static IEndpointRouteBuilder MapLifecycleApi(this IEndpointRouteBuilder app)
    {
        var members = app.MapGroup("/members/{id:guid}").WithTags("Member lifecycle").RequireAuthorization(Policies.Write)
            .WithProblem(StatusCodes.Status422UnprocessableEntity, "A rule of the Union: the member is not in a state for this step (in transfer, matured, left), is not past 30, holds a post, or the Party path is out of order; `detail` says which.");
        members.MapPost("/transfers", IssueTransfer).WithSummary("Issue a transfer to another unit of the bloc (the sending unit's secretary or the bloc office)");
        members.MapPost("/maturity", Mature).WithSummary("Mature a member past 30 out of the Union (trưởng thành Đoàn), on the unit's decision");
        members.MapPost("/leaving", Leave).WithSummary("Record that a member left: transferred out of the bloc, moved away, removed, expelled or deceased");
        members.MapPost("/party-recommendation", RecommendToParty).WithSummary("Recommend an outstanding member to the Party (giới thiệu đoàn viên ưu tú)");
        members.MapPost("/party-admission", DecidePartyAdmission).WithSummary("Record the Party's answer: admitted (kết nạp Đảng) or not");

        var transfers = app.MapGroup("/transfers").WithTags("Member lifecycle").RequireAuthorization(Policies.Read);
        transfers.MapGet("/", ListTransfers).WithSummary("Transfers into or out of the units the caller reaches; pending ones first");
        transfers.MapGet("/export", ExportTransfers)
            .WithSummary($"The transfers (as GET /transfers, every page, at most {MaxExportedTransfers:N0}) as .xlsx or .csv, pending ones first")
            .Produces(StatusCodes.Status200OK, contentType: TableFile.XlsxContentType, additionalContentTypes: [TableFile.CsvContentType]);
        transfers.MapPost("/{id:guid}/accept", Accept).WithProblem(StatusCodes.Status422UnprocessableEntity, Decided).RequireAuthorization(Policies.Write).WithSummary("Accept a transfer into the unit, choosing the branch (the receiving unit's secretary or the bloc office)");
        transfers.MapPost("/{id:guid}/reject", Reject).WithProblem(StatusCodes.Status422UnprocessableEntity, Decided).RequireAuthorization(Policies.Write).WithSummary("Reject a transfer with a reason (the receiving unit)");
        transfers.MapPost("/{id:guid}/withdraw", Withdraw).WithProblem(StatusCodes.Status422UnprocessableEntity, Decided).RequireAuthorization(Policies.Write).WithSummary("Withdraw a pending transfer (the sending unit)");
        return app;
    }

    public static async Task<Ok<TransferResponse>> IssueTransfer(Guid id, IssueTransferRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (member, unit, _) = await MembersApi.LoadAsync(db, caller, id, ct);
        caller.EnsureKeepsMembersOf(unit, "transfer its members");
        if (request.ToUnitId is not { } toId || toId == Guid.Empty) throw new ValidationFailedException("toUnitId", "The receiving unit is required.");
        // Any open unit of the bloc may receive, whether or not the sender reaches it.
        var to = await db.Units.FirstOrDefaultAsync(u => u.Id == toId, ct)
            ?? throw new ValidationFailedException("toUnitId", $"There is no unit with id '{toId}' in the bloc; a transfer out of the bloc is recorded as leaving (transferredOut).");
        var transfer = Transfer.Issue(member, to, request.LetterNumber, Decide(request.IssuedOn, caller, clock));
        db.Transfers.Add(transfer);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TransferResponse.From(transfer, member, unit.Name, to.Name));
    }

    public static async Task<Ok<PagedList<TransferResponse>>> ListTransfers(Caller caller, MembershipDbContext db, CancellationToken ct,
        [FromQuery, AllowedValues("pending", "accepted", "rejected", "withdrawn", "all")] string? status = null,
        [FromQuery, Range(1, Paging.MaxPage)] int page = 1, [FromQuery, Range(1, Paging.MaxPageSize)] int pageSize = 50)
    {
        TransferStatus? filter = status?.Trim().ToLowerInvariant() switch
        {
            null or "" or "all" => null,
            "pending" => TransferStatus.Pending,
            "accepted" => TransferStatus.Accepted,
            "rejected" => TransferStatus.Rejected,
            "withdrawn" => TransferStatus.Withdrawn,
            _ => throw new ValidationFailedException("status", $"'{status}' is not a transfer status: use pending, accepted, rejected, withdrawn or all."),
        };
        var errors = new FieldErrors();
        Paging.Check(errors, page, pageSize);
        errors.ThrowIfAny();
        var units = db.Units.VisibleTo(caller, db).Select(u => u.Id);
        var query = db.Transfers.AsNoTracking().Where(t => units.Contains(t.FromUnitId) || units.Contains(t.ToUnitId!.Value));
        if (filter is { } f) query = query.Where(t => t.Status == f);
        var total = await query.CountAsync(ct);
        var rows = await query.OrderBy(t => t.Status != TransferStatus.Pending).ThenByDescending(t => t.CreatedAt)
            .Skip(Paging.Skip(page, pageSize)).Take(pageSize)
            .Select(t => new
            {
                Transfer = t,
                Member = db.Members.First(m => m.Id == t.MemberId),
                From = db.Units.Where(u => u.Id == t.FromUnitId).Select(u => u.Name).First(),
                To = db.Units.Where(u => u.Id == t.ToUnitId).Select(u => u.Name).First(),
            })
            .ToListAsync(ct);
        return TypedResults.Ok(new PagedList<TransferResponse>(rows.Select(r => TransferResponse.From(r.Transfer, r.Member, r.From, r.To)).ToList(), total, page, pageSize));
    }

    /// <summary>The most transfers one export lists: a bloc's year has a few hundred.</summary>
    public const int MaxExportedTransfers = 10_000;

    private static readonly string[] TransferHeaders =
        ["Họ và tên", "Từ đơn vị", "Đến đơn vị", "Số giấy giới thiệu", "Ngày giới thiệu", "Người lập", "Trạng thái", "Ngày quyết định", "Người quyết định", "Lý do"];

    public static async Task<FileContentHttpResult> ExportTransfers(Caller caller, MembershipDbContext db, CancellationToken ct,
        [FromQuery, AllowedValues("xlsx", "csv")] string? format = "xlsx",
        [FromQuery, AllowedValues("pending", "accepted", "rejected", "withdrawn", "all")] string? status = null)
    {
        TableFile.CheckFormat(format);
        var rows = new List<object?[]>();
        for (var page = 1; rows.Count < MaxExportedTransfers; page++)
        {
            var list = (await ListTransfers(caller, db, ct, status, page, Paging.MaxPageSize)).Value!;
            rows.AddRange(list.Items.Select(t => new object?[]
            {
                TableFile.Neutralise(t.MemberName), TableFile.Neutralise(t.FromUnitName), TableFile.Neutralise(t.ToUnitName),
                TableFile.Neutralise(t.LetterNumber), TableFile.Date(t.IssuedOn), TableFile.Neutralise(t.IssuedBy), TransferStatusName(t.Status),
                t.DecidedOn is { } decided ? TableFile.Date(decided) : null, TableFile.Neutralise(t.DecidedBy), TableFile.Neutralise(t.DecisionReason),
            }));
            if (page * Paging.MaxPageSize >= list.Total) break;
        }
        var name = status is null or "all" ? "chuyen-sinh-hoat" : $"chuyen-sinh-hoat-{status.Trim().ToLowerInvariant()}";
        return TableFile.Result(format, TransferHeaders, rows.Take(MaxExportedTransfers), "Chuyển sinh hoạt", name);
    }

    private static string TransferStatusName(TransferStatus status) => status switch
    {
        TransferStatus.Pending => "Chờ tiếp nhận",
        TransferStatus.Accepted => "Đã tiếp nhận",
        TransferStatus.Rejected => "Bị từ chối",
        _ => "Đã rút lại",
    };

    public static async Task<Ok<TransferResponse>> Accept(Guid id, AcceptTransferRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (transfer, member, from, to) = await LoadTransferAsync(db, caller, id, ct);
        caller.EnsureKeepsMembersOf(to, "accept members transferred to it");
        Branch? branch = null;
        if (request.BranchId is { } branchId)
            branch = await db.Branches.FirstOrDefaultAsync(b => b.Id == branchId && b.UnitId == to.Id, ct)
                ?? throw new ValidationFailedException("branchId", $"The unit {to.Name} has no branch with id '{branchId}'.");
        transfer.Accept(member, to, branch, Decide(request.AcceptedOn, caller, clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TransferResponse.From(transfer, member, from.Name, to.Name));
    }

    public static async Task<Ok<TransferResponse>> Reject(Guid id, DecisionRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (transfer, member, from, to) = await LoadTransferAsync(db, caller, id, ct);
        caller.EnsureKeepsMembersOf(to, "reject members transferred to it");
        transfer.Reject(member, request.Reason, Decide(request.On, caller, clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TransferResponse.From(transfer, member, from.Name, to.Name));
    }

    public static async Task<Ok<TransferResponse>> Withdraw(Guid id, DecisionRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var (transfer, member, from, to) = await LoadTransferAsync(db, caller, id, ct);
        caller.EnsureKeepsMembersOf(from, "withdraw the transfers it issued");
        transfer.Withdraw(member, request.Reason, Decide(request.On, caller, clock));
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(TransferResponse.From(transfer, member, from.Name, to.Name));
    }

    public static async Task<Ok<MemberResponse>> Mature(Guid id, DecisionRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ChangeAsync(id, caller, db, ct, "mature its members out", (m, _) => m.Mature(Decide(request.On, caller, clock)));

    public static async Task<Ok<MemberResponse>> Leave(Guid id, LeaveRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct)
    {
        var reason = request.Reason?.Trim().ToLowerInvariant() switch
        {
            "transferredout" => LeaveReason.TransferredOut,
            "movedaway" => LeaveReason.MovedAway,
            "removed" => LeaveReason.Removed,
            "expelled" => LeaveReason.Expelled,
            "deceased" => LeaveReason.Deceased,
            _ => throw new ValidationFailedException("reason", "Why the member left: transferredOut (with the letter in note), movedAway, removed, expelled or deceased."),
        };
        return await ChangeAsync(id, caller, db, ct, "record that its members left", (m, _) => m.Leave(reason, request.Note, Decide(request.On, caller, clock)));
    }

    public static async Task<Ok<MemberResponse>> RecommendToParty(Guid id, PartyRecommendationRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ChangeAsync(id, caller, db, ct, "recommend its members to the Party",
            (m, _) => m.RecommendToParty(request.DecisionNumber ?? "", Decide(request.On, caller, clock)));

    public static async Task<Ok<MemberResponse>> DecidePartyAdmission(Guid id, PartyAdmissionRequest request, Caller caller, MembershipDbContext db, TimeProvider clock, CancellationToken ct) =>
        await ChangeAsync(id, caller, db, ct, "record the Party's answer for its members",
            (m, _) => m.DecidePartyAdmission(request.Admitted ?? throw new ValidationFailedException("admitted", "Say whether the Party admitted the member (true or false)."),
                Decide(request.On, caller, clock)));

    private static async Task<Ok<MemberResponse>> ChangeAsync(Guid id, Caller caller, MembershipDbContext db, CancellationToken ct, string change, Action<Member, Unit> act)
    {
        var (member, unit, branch) = await MembersApi.LoadAsync(db, caller, id, ct);
        caller.EnsureKeepsMembersOf(unit, change);
        act(member, unit);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(MemberResponse.From(member, unit, branch, caller.SeesPersonalDataOf(member)));
    }

    /// <summary>A decision takes effect on the day given (not in the future), or today in Vietnam.</summary>
    private static Decision Decide(DateOnly? on, Caller caller, TimeProvider clock)
    {
        var today = VietnamTime.Today(clock);
        if (on > today) throw new ValidationFailedException("on", $"A decision takes effect today or earlier, not on {on:dd/MM/yyyy}.");
        return new Decision(on ?? today, caller.AuditName, clock.GetUtcNow());
    }

    /// <summary>The transfer, when the caller reaches its sending or its receiving unit.</summary>
    private static async Task<(Transfer Transfer, Member Member, Unit From, Unit To)> LoadTransferAsync(MembershipDbContext db, Caller caller, Guid id, CancellationToken ct)
    {
        var units = db.Units.VisibleTo(caller, db).Select(u => u.Id);
        var transfer = await db.Transfers.FirstOrDefaultAsync(t => t.Id == id && (units.Contains(t.FromUnitId) || units.Contains(t.ToUnitId!.Value)), ct)
            ?? (await db.Transfers.AnyAsync(t => t.Id == id, ct) ? throw new OutOfReachException("transfer", id) : throw new NotFoundException("transfer", id));
        var member = await db.Members.Include(m => m.Placements).Include(m => m.History).Include(m => m.Posts).AsSplitQuery().FirstAsync(m => m.Id == transfer.MemberId, ct);
        var from = await db.Units.FirstAsync(u => u.Id == transfer.FromUnitId, ct);
        var to = await db.Units.FirstAsync(u => u.Id == transfer.ToUnitId, ct);
        return (transfer, member, from, to);
    }
}

public sealed record IssueTransferRequest(Guid? ToUnitId, [property: StringLength(MemberLimits.DecisionNumber)] string? LetterNumber, DateOnly? IssuedOn);

public sealed record AcceptTransferRequest(Guid? BranchId, DateOnly? AcceptedOn);

/// <summary>A decision's day (today when left out) and its reason.</summary>
public sealed record DecisionRequest(DateOnly? On, [property: StringLength(Transfer.MaxTextLength)] string? Reason);

public sealed record LeaveRequest(
    [property: AllowedValues("transferredOut", "movedAway", "removed", "expelled", "deceased")] string? Reason,
    [property: StringLength(Transfer.MaxTextLength)] string? Note, DateOnly? On);

public sealed record PartyRecommendationRequest([property: StringLength(MemberLimits.DecisionNumber)] string? DecisionNumber, DateOnly? On);

public sealed record PartyAdmissionRequest(bool? Admitted, DateOnly? On);

public sealed record TransferResponse(
    Guid Id, Guid MemberId, [property: StringLength(PersonName.MaxLength)] string MemberName, Guid FromUnitId,
    [property: StringLength(OrganisationName.MaxLength)] string FromUnitName, Guid? ToUnitId, [property: StringLength(OrganisationName.MaxLength)] string? ToUnitName,
    [property: StringLength(MemberLimits.DecisionNumber)] string? LetterNumber, DateOnly IssuedOn, [property: StringLength(MemberLimits.Actor)] string IssuedBy,
    TransferStatus Status, Guid? ToBranchId, DateOnly? DecidedOn, [property: StringLength(MemberLimits.Actor)] string? DecidedBy,
    [property: StringLength(Transfer.MaxTextLength)] string? DecisionReason)
{
    public static TransferResponse From(Transfer t, Member m, string from, string? to) => new(
        t.Id, t.MemberId, m.FullName, t.FromUnitId, from, t.ToUnitId, to, t.LetterNumber, t.IssuedOn, t.IssuedBy, t.Status, t.ToBranchId,
        t.DecidedOn, t.DecidedBy, t.DecisionReason);
}
