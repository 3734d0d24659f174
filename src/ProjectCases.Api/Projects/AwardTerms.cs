using System.ComponentModel.DataAnnotations;
using ProjectCases.Infrastructure.Validation;

namespace ProjectCases.Projects;

/// <summary>An amount as sent by a client: `{ value, currency }`.</summary>
public sealed record MoneyInput(decimal Value, string Currency);

/// <summary>
/// The award fields shared by an award on a tender and an award with no tender on record. The amount is
/// either disclosed (amount in its currency AND its yen equivalent, both positive and within Amounts' bounds) or undisclosed (both absent).
/// </summary>
public abstract record AwardTerms(
    [property: StringLength(300)] string? Winner,
    [property: Required] bool? JapaneseWinner,
    [property: Required] AwardType? AwardType,
    [property: Required] AwardScope? Scope,
    MoneyInput? Amount,
    decimal? AmountJpy,
    [property: Required, BusinessDate] BusinessDate? AwardedOn) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Amount is null != AmountJpy is null)
            yield return new ValidationResult("give amount and amountJpy together, or neither when the value is undisclosed.",
                [Amount is null ? nameof(Amount) : nameof(AmountJpy)]);
        foreach (var problem in Amounts.Check(Amount, nameof(Amount))) yield return problem;
        if (AmountJpy is { } jpy && Amounts.CheckJpy(jpy) is { } jpyProblem) yield return new ValidationResult(jpyProblem, [nameof(AmountJpy)]);
    }

    /// <summary>The winner as an organisation on record (a company or a joint venture), beside or instead of the name.</summary>
    public Guid? WinnerId { get; init; }

    public Money? Money => Amount is { } a ? new Money(a.Value, a.Currency) : null;
}
