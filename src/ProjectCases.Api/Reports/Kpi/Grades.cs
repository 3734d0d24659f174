namespace ProjectCases.Reports.Kpi;

/// <summary>The evaluation sheets' grades: A = target met, B = at least 80 % of it, C = less; none without a target.</summary>
public static class Grades
{
    public const decimal SubstantialProgress = 0.8m;

    public static string? For(decimal actual, decimal? target) => target switch
    {
        null => null,
        _ when actual >= target => "A",
        _ when actual >= target * SubstantialProgress => "B",
        _ => "C",
    };
}
