namespace ProjectCases.Infrastructure.Auth;

/// <summary>The `role` claim values of API.md, and the combinations the endpoints allow.</summary>
public static class Roles
{
    public const string Officer = "officer";
    public const string Hotline = "hotline";
    public const string Company = "company";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    public static readonly string[] All = [Officer, Hotline, Company, Auditor, Admin];

    public const string ProjectWriters = Officer + "," + Admin;
    public const string ProjectReaders = Officer + "," + Hotline + "," + Company + "," + Auditor + "," + Admin;
    /// <summary>Everyone but companies (who read projects only in the company view).</summary>
    public const string InternalReaders = Officer + "," + Hotline + "," + Auditor + "," + Admin;
    public const string HistoryReaders = Officer + "," + Auditor + "," + Admin;
    public const string ReportReaders = Officer + "," + Auditor + "," + Admin;
    public const string HotlineReportReaders = Hotline + "," + Auditor + "," + Admin;
}

/// <summary>Claim names in our tokens.</summary>
public static class ClaimNames
{
    public const string Subject = "sub";
    public const string Name = "name";
    public const string Role = "role";
    public const string Company = "company";
}
