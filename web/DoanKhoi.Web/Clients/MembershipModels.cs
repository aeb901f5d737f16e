namespace DoanKhoi.Web.Clients;

// What the portal reads from the membership service, as its OpenAPI document describes it. Enumerations
// stay the API's camelCase words; Labels turns them into Vietnamese.

public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record Cluster(Guid Id, string Code, string Name, int OpenUnits, DateTimeOffset CreatedAt, int Version);

public sealed record Unit(
    Guid Id, string Code, string Name, string Kind, Guid ClusterId, string ClusterCode, string ClusterName, string Status,
    DateOnly? ClosedOn, string? CloseReason, DateTimeOffset CreatedAt, int Version);

public sealed record DirectoryUnit(Guid Id, string Code, string Name, string ClusterName);

public sealed record Branch(Guid Id, Guid UnitId, string Name, DateTimeOffset CreatedAt);

public sealed record UnitHistoryEntry(int Version, string Change, string? From, string? To, DateTimeOffset At);

public sealed record MemberListItem(
    Guid Id, string FullName, DateOnly DateOfBirth, int Age, string Gender, string? CitizenIdMasked, string? Phone, string? CardNumber,
    Guid UnitId, string UnitName, Guid? BranchId, string? BranchName, string Status, string PartyStatus, bool IsCadre, string? Post, DateOnly JoinedUnionOn);

public sealed record PostTerm(string Post, DateOnly From, DateOnly? To);

public sealed record Member(
    Guid Id, string FullName, DateOnly DateOfBirth, string Gender, bool PersonalDataShown, string? CitizenId, string? EthnicityCode,
    string? EthnicityName, string? Phone, string? Email, DateOnly JoinedUnionOn, string? CardNumber, Guid UnitId, string UnitName,
    Guid? BranchId, string? BranchName, string Status, string PartyStatus, bool IsCadre, string? AdmissionResolution,
    IReadOnlyList<PostTerm> Posts, DateTimeOffset CreatedAt, int Version);

public sealed record MemberHistoryEntry(int Version, string Change, DateOnly EffectiveOn, string? Detail, string By, DateTimeOffset At);

public sealed record StatisticsRow(
    string Key, string Label, int Members, int Women, int PartyMembers, int RecommendedToParty, int Cadres,
    int Aged16To20, int Aged21To25, int Aged26To30, int AgedOver30);

public sealed record MemberStatistics(string GroupBy, DateOnly On, StatisticsRow Total, IReadOnlyList<StatisticsRow> Rows);

public sealed record MovementRow(
    string Key, string Label, int Admitted, int TransferredIn, int TransferredOut, int Matured, int Left, int RecommendedToParty, int AdmittedToParty);

public sealed record MemberMovements(string GroupBy, DateOnly From, DateOnly To, MovementRow Total, IReadOnlyList<MovementRow> Rows);

public sealed record Transfer(
    Guid Id, Guid MemberId, string MemberName, Guid FromUnitId, string FromUnitName, Guid? ToUnitId, string? ToUnitName, string? LetterNumber,
    DateOnly IssuedOn, string IssuedBy, string Status, Guid? ToBranchId, DateOnly? DecidedOn, string? DecidedBy, string? DecisionReason);

public sealed record MemberGrade(int Year, string Grade, string? Note, Guid UnitId, string UnitName, string GradedBy, DateTimeOffset GradedAt, bool YearClosed);

public sealed record GradeCounts(int Excellent, int Good, int Pass, int Fail);

public sealed record MemberGradeRow(Guid MemberId, string FullName, Guid? BranchId, string? BranchName, string? Grade, string? Note,
    string? GradedBy, DateTimeOffset? GradedAt);

/// <summary>A unit's evaluation for a year; <see cref="Members"/> is null for a post that sees only the counts.</summary>
public sealed record UnitEvaluationSheet(int Year, bool Closed, Guid UnitId, string UnitName, string? UnitGrade, string? UnitGradeNote,
    int MemberCount, GradeCounts MemberGrades, PagedList<MemberGradeRow>? Members);

public sealed record MemberGradeInput(Guid MemberId, string? Grade, string? Note);

public sealed record UnitGradeRow(Guid UnitId, string UnitName, Guid ClusterId, string? Grade, string? Note, string? GradedBy, DateTimeOffset? GradedAt);

public sealed record UnitGradeInput(Guid UnitId, string? Grade, string? Note);

/// <summary>A year's evaluation as the person reaches it: open or closed, the units' grades and the counts.</summary>
public sealed record EvaluationYear(int Year, bool Closed, DateOnly? ClosedOn, string? ClosedBy, GradeCounts UnitGrades, GradeCounts MemberGrades,
    List<UnitGradeRow> Units);

public sealed record MaturingMember(Guid MemberId, string FullName, DateOnly DateOfBirth, DateOnly MaturesOn, Guid UnitId, string UnitName,
    string? Post, DateOnly? PostEndsOn, DateOnly? MayMatureFrom);

public sealed record Ethnicity(string Code, string Name);

public sealed record ImportProblem(string Column, string Reason);

public sealed record ImportedRow(int Row, string Result, string? FullName, Guid? UnitId, Guid? MemberId, IReadOnlyList<ImportProblem> Problems);

public sealed record ImportReport(bool Committed, int Rows, int Accepted, int AlreadyRecorded, int Refused, IReadOnlyList<ImportedRow> Items);

public sealed record Tree(string Bloc, IReadOnlyList<TreeCluster> Clusters);

public sealed record TreeCluster(Guid Id, string Code, string Name, IReadOnlyList<TreeUnit> Units);

public sealed record TreeUnit(Guid Id, string Code, string Name, string Kind, IReadOnlyList<TreeBranch> Branches);

public sealed record TreeBranch(Guid Id, string Name);
