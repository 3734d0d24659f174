using ProjectCases.FollowUps;
using ProjectCases.FollowUps.Tasks;
using ProjectCases.Projects;
using ProjectCases.Troubles;

namespace ProjectCases.Tests.Support;

/// <summary>Write models as their streams make them: registered (reported, scheduled), then these events, through the models' own fold.</summary>
public static class Given
{
    public static readonly DateTimeOffset ReportedAt = new(2025, 4, 7, 1, 0, 0, TimeSpan.Zero);
    public static readonly ServiceDues Dues = new(ReportedAt.AddDays(1), ReportedAt.AddDays(30));

    public static ProjectWriteModel Project(params object[] events) => Project(Guid.NewGuid(), events);

    public static ProjectWriteModel Project(Guid id, params object[] events) =>
        events.Aggregate(ProjectWriteModel.Start(new ProjectRegistered(id, "Metro Line 3", null, "IN", Sector.Rail, Financing.YenLoan, null, null)),
            (model, e) => model.Fold(e, model.Version + 1));

    public static TroubleWriteModel Trouble(params object[] events) => Trouble(Guid.NewGuid(), "Acme Construction", events);

    public static TroubleWriteModel Trouble(Guid id, string company, params object[] events) =>
        events.Aggregate(TroubleWriteModel.Start(Reported(id, company)), (model, e) => model.Fold(e, model.Version + 1));

    public static TroubleReported Reported(Guid id, string company = "Acme Construction") =>
        new(id, Guid.NewGuid(), TroubleCategory.UnpaidFees, "Unpaid", "IPCs unpaid", new DateOnly(2025, 4, 1),
            new Reporter(company, CompanyType.Contractor, "Sato", "sato@example.co.jp"), null, ReportedAt, Priority.Medium, Dues);

    public static FollowUpWriteModel Task(DateOnly dueOn, params object[] events)
    {
        var id = Guid.NewGuid();
        return events.Aggregate(FollowUpWriteModel.Start(new FollowUpScheduled(id, "Call back", "officer", dueOn, "manual", null, null, null, null)),
            (model, e) => model.Fold(e, model.Version + 1));
    }
}
