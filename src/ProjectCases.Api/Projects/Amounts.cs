using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace ProjectCases.Projects;

/// <summary>
/// The bounds of every money amount a client sends. The largest single infrastructure contract on record is
/// well under 10^14 JPY (100 trillion yen), so a yen amount above it is a typing or unit mistake, not a fact;
/// an amount in its own currency may be larger (dong, rupiah) but not beyond 10^18. With every recorded amount
/// at most 10^14, the report sums (decimal, up to 7.9 × 10^28) cannot overflow: that would take 10^14 awards.
/// </summary>
public static class Amounts
{
    public const decimal MaxJpy = 100_000_000_000_000m;
    public const decimal MaxInCurrency = 1_000_000_000_000_000_000m;
    /// <summary>Yen to the sen; an amount in its own currency to the finest ISO 4217 minor unit (BHD, KWD: 3).</summary>
    public const int JpyDecimals = 2, CurrencyDecimals = 3;

    /// <summary>The problem with a yen amount, or null when it is one the domain allows (greater than 0).</summary>
    public static string? CheckJpy(decimal value) => Check(value, MaxJpy, "10^14 (100 trillion yen)", JpyDecimals);

    /// <summary>The problem with an amount in its own currency, or null.</summary>
    public static string? CheckInCurrency(decimal value) => Check(value, MaxInCurrency, "10^18", CurrencyDecimals);

    /// <summary>`{ value, currency }` checked as one field, each problem named by its JSON path under <paramref name="field"/>.</summary>
    public static IEnumerable<ValidationResult> Check(MoneyInput? money, string field)
    {
        if (money is null) yield break;
        if (CheckInCurrency(money.Value) is { } problem) yield return new ValidationResult(problem, [$"{field}.Value"]);
        if (!Currencies.IsKnown(money.Currency))
            yield return new ValidationResult($"'{money.Currency}' is not an ISO 4217 currency code (e.g. JPY, USD, INR).", [$"{field}.Currency"]);
    }

    /// <summary>
    /// A disclosed yen amount as a report sums it. An amount outside the bound can only come from an event recorded
    /// before the bound existed: summing it would poison the year's totals, so the projection refuses the event
    /// (dead-lettered, with this message) and goes on counting the others.
    /// </summary>
    public static decimal Summable(ContractAwarded award)
    {
        var amount = award.AmountJpy ?? 0;
        if (award.AmountJpy is null || CheckJpy(amount) is null) return amount;
        throw new AmountOutOfBoundsException(
            $"ContractAwarded {award.AwardId} on project {award.ProjectId} carries amountJpy {amount.ToString(CultureInfo.InvariantCulture)}, " +
            $"outside 0 < amountJpy ≤ {MaxJpy.ToString(CultureInfo.InvariantCulture)}; it is left out of the reports. Correct or void the fact.");
    }

    private static string? Check(decimal value, decimal max, string maxText, int decimals)
    {
        if (value <= 0) return "must be greater than 0.";
        if (value > max) return $"must be at most {maxText}.";
        return decimal.Round(value, decimals) != value ? $"may have at most {decimals} decimal places." : null;
    }
}

/// <summary>A stored amount beyond the domain's bound (see <see cref="Amounts.Summable"/>).</summary>
public sealed class AmountOutOfBoundsException(string message) : Exception(message);
