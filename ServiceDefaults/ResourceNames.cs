namespace DoanKhoi;

/// <summary>The names of DoanKhoi's resources, one spelling shared by the AppHost, the services, the
/// gateway and the tests.</summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string Messaging = "messaging";
    public const string Gateway = "gateway";

    /// <summary>The portal people use in a browser (web/DoanKhoi.Web).</summary>
    public const string Web = "web";

    public const string MembershipApi = "membership-api";
    public const string ActivitiesApi = "activities-api";
    public const string ReportingApi = "reporting-api";
    public const string InspectionApi = "inspection-api";
    public const string IdentityApi = "identity-api";

    public const string MembershipDb = "membershipdb";
    public const string ActivitiesDb = "activitiesdb";
    public const string ReportingDb = "reportingdb";
    public const string InspectionDb = "inspectiondb";
    public const string IdentityDb = "identitydb";

    /// <summary>The public path segment of the identity service: its sign-in page and token endpoints.</summary>
    public const string IdentitySegment = "identity";

    /// <summary>Each service: its public path segment under /api/, its resource, its database.</summary>
    public static readonly IReadOnlyList<(string Segment, string Api, string Database)> Services =
    [
        ("membership", MembershipApi, MembershipDb),
        ("activities", ActivitiesApi, ActivitiesDb),
        ("reporting", ReportingApi, ReportingDb),
        ("inspection", InspectionApi, InspectionDb),
        (IdentitySegment, IdentityApi, IdentityDb),
    ];
}
