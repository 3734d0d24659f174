using System.ComponentModel.DataAnnotations;

namespace ProjectCases.Infrastructure.Validation;

/// <summary>
/// A business date (occurredOn, signedOn, awardedOn, ...; a day or a <see cref="BusinessDate"/>): from 1950-01-01 up to one year after today
/// in Tokyo. Later dates are almost always typing mistakes (2205 for 2025); planned dates such as a
/// tender deadline may be up to ten years ahead (AllowFutureYears).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class BusinessDateAttribute(int allowFutureYears = 1) : ValidationAttribute
{
    public static readonly DateOnly Earliest = new(1950, 1, 1);

    protected override ValidationResult? IsValid(object? value, ValidationContext context)
    {
        // A month or fiscal year counts by its first day (the same placement as reports).
        var (date, shown) = value switch
        {
            DateOnly day => (day, day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            BusinessDate given => (given.Start, given.ToString()),
            _ => (default(DateOnly?), ""),
        };
        if (date is null) return ValidationResult.Success;
        var clock = context.GetService(typeof(TimeProvider)) as TimeProvider ?? TimeProvider.System;
        var latest = TokyoTime.Today(clock).AddYears(allowFutureYears);
        return date >= Earliest && date <= latest
            ? ValidationResult.Success
            : new ValidationResult($"{shown} is out of range: business dates run from {Earliest:yyyy-MM-dd} to {latest:yyyy-MM-dd}.",
                [context.MemberName!]);
    }
}
