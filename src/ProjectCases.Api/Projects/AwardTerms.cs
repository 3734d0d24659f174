using System.ComponentModel.DataAnnotations;
using ProjectCases.Infrastructure.Validation;

namespace ProjectCases.Projects;

/// <summary>An amount as sent by a client: `{ value, currency }`.</summary>
public sealed record MoneyInput(decimal Value, string Currency);

/// <summary>
/// The award fields shared by an award on a tender and an award with no tender on record. The amount is
/// either disclosed (amount in its currency AND its yen equivalent, both positive) or undisclosed (both absent).
/// </summary>
public abstract record AwardTerms(
    [property: StringLength(300)] string? Winner,
    [property: Required] bool? JapaneseWinner,
    [property: Required] AwardType? AwardType,
    [property: Required] AwardScope? Scope,
    MoneyInput? Amount,
    decimal? AmountJpy,
    [property: Required, BusinessDate] DateOnly? AwardedOn) : IValidatableObject
{
    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (Amount is null != AmountJpy is null)
            yield return new ValidationResult("give amount and amountJpy together, or neither when the value is undisclosed.",
                [Amount is null ? nameof(Amount) : nameof(AmountJpy)]);
        if (Amount is { } amount)
        {
            if (amount.Value <= 0) yield return new ValidationResult("amount.value must be greater than 0.", ["Amount.Value"]);
            if (!Currencies.IsKnown(amount.Currency))
                yield return new ValidationResult($"'{amount.Currency}' is not an ISO 4217 currency code (e.g. JPY, USD, INR).", ["Amount.Currency"]);
        }
        if (AmountJpy is <= 0) yield return new ValidationResult("amountJpy must be greater than 0.", [nameof(AmountJpy)]);
    }

    public Money? Money => Amount is { } a ? new Money(a.Value, a.Currency) : null;
}
