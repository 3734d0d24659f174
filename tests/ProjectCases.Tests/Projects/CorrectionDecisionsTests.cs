using ProjectCases.Projects;
using ProjectCases.Projects.Corrections;
using ProjectCases.Tests.Support;

namespace ProjectCases.Tests.Projects;

public class CorrectionDecisionsTests
{
    private static readonly Guid Id = Guid.NewGuid();
    private static readonly Guid TenderId = Guid.NewGuid();
    private static readonly TenderOpened Opened = new(Id, TenderId, "Civil", TenderType.ICB, new DateOnly(2024, 6, 1), null);
    private static readonly ContractAwarded Awarded = new(Id, Guid.NewGuid(), TenderId, "Civil", "W", true, AwardType.Prime, AwardScope.Civil,
        null, 18_000_000_000m, new DateOnly(2024, 9, 1));

    /// <summary>The write model and the record of the same stream: registration at 1, then these events.</summary>
    private static (ProjectWriteModel, ProjectRecord) Stream(params object[] events)
    {
        object[] all = [new ProjectRegistered(Id, "Metro", null, "IN", Sector.Rail, Financing.YenLoan, null, null), .. events];
        var record = ProjectRecord.Of(Id, all.Select((e, i) => ((long)i + 1, e)));
        return (Given.Project(Id, events), record);
    }

    [Fact]
    public void a_fact_is_voided_by_its_version_with_the_fact_as_it_counted()
    {
        var (project, record) = Stream(Opened);
        var voided = Assert.IsType<FactVoided>(Assert.Single(CorrectionDecisions.VoidFact(project, record, 2, " typo ").Events));
        Assert.Equal((2L, "typo", (object)Opened), (voided.Version, voided.Reason, voided.Original.Value));
    }

    [Fact]
    public void a_tender_with_an_award_cannot_be_voided_and_the_refusal_names_the_award()
    {
        var (project, record) = Stream(Opened, Awarded);
        var refusal = CorrectionDecisions.VoidFact(project, record, 2, "wrong").Refusal!;
        Assert.Equal(409, refusal.Status);
        Assert.Contains("the award recorded at version 3", refusal.Detail);
    }

    [Fact]
    public void once_its_award_is_voided_the_tender_can_be_voided_too()
    {
        var (project, record) = Stream(Opened, Awarded, new FactVoided(Id, 3, "wrong", new ProjectFact(ContractAwarded: Awarded)));
        Assert.True(CorrectionDecisions.VoidFact(project, record, 2, "wrong").IsAccepted);
        Assert.Equal(409, CorrectionDecisions.VoidFact(project, record, 3, "again").Refusal!.Status);
    }

    [Theory]
    [InlineData(1, 422)] // the registration: void the project instead
    [InlineData(7, 404)] // no such version
    public void only_a_recorded_fact_can_be_voided(long version, int status)
    {
        var (project, record) = Stream(Opened);
        Assert.Equal(status, CorrectionDecisions.VoidFact(project, record, version, "x").Refusal!.Status);
    }

    [Fact]
    public void a_correction_carries_the_original_and_the_corrected_fact_and_a_second_one_starts_from_the_first()
    {
        var (project, record) = Stream(Opened, Awarded);
        var corrected = new ProjectFact(ContractAwarded: Awarded with { AmountJpy = 15_000_000_000m });
        var first = Assert.IsType<FactCorrected>(Assert.Single(CorrectionDecisions.CorrectFact(project, record, 3, "typo", corrected).Events));
        Assert.Equal(18_000_000_000m, first.Original.ContractAwarded!.AmountJpy);

        var (after, recordAfter) = Stream(Opened, Awarded, first);
        Assert.Equal(15_000_000_000m, recordAfter.Find(3)!.Fact.ContractAwarded!.AmountJpy);
        var again = new ProjectFact(ContractAwarded: Awarded with { AmountJpy = 16_000_000_000m });
        var second = Assert.IsType<FactCorrected>(Assert.Single(CorrectionDecisions.CorrectFact(after, recordAfter, 3, "typo", again).Events));
        Assert.Equal(15_000_000_000m, second.Original.ContractAwarded!.AmountJpy);
    }

    [Fact]
    public void a_correction_that_changes_nothing_or_the_kind_of_fact_is_refused()
    {
        var (project, record) = Stream(Opened, Awarded);
        Assert.Equal(422, CorrectionDecisions.CorrectFact(project, record, 3, "x", new ProjectFact(ContractAwarded: Awarded)).Refusal!.Status);
        Assert.Equal(422, CorrectionDecisions.CorrectFact(project, record, 3, "x", new ProjectFact(TenderOpened: Opened)).Refusal!.Status);
    }

    [Fact]
    public void a_view_read_before_a_later_write_is_refused_rather_than_decided_on()
    {
        var (project, _) = Stream(Opened, Awarded);
        var (_, stale) = Stream(Opened);
        Assert.Equal(409, CorrectionDecisions.VoidFact(project, stale, 2, "x").Refusal!.Status);
    }

    [Fact]
    public void a_voided_project_withdraws_every_counted_fact_once_and_takes_no_more_corrections()
    {
        var (project, record) = Stream(Opened, Awarded, new FactVoided(Id, 3, "wrong", new ProjectFact(ContractAwarded: Awarded)));
        var voided = Assert.IsType<ProjectVoided>(Assert.Single(CorrectionDecisions.VoidProject(project, record, "duplicate").Events));
        Assert.Equal([(object)Opened], voided.Withdrawn.Select(f => f.Value));

        var (after, recordAfter) = Stream(Opened, voided);
        Assert.Equal(409, CorrectionDecisions.VoidProject(after, recordAfter, "twice").Refusal!.Status);
        Assert.Equal(409, CorrectionDecisions.VoidFact(after, recordAfter, 2, "after").Refusal!.Status);
    }
}
