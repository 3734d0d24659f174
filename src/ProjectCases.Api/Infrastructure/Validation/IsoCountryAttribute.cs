using System.ComponentModel.DataAnnotations;
using ProjectCases.Projects;

namespace ProjectCases.Infrastructure.Validation;

/// <summary>An ISO 3166-1 alpha-2 code, upper case (e.g. "VN").</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class IsoCountryAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext context) =>
        value is null || value is string code && Countries.IsKnown(code)
            ? ValidationResult.Success
            : new ValidationResult($"'{value}' is not an ISO 3166-1 alpha-2 country code (two capital letters, e.g. VN, IN, PH).",
                [context.MemberName!]);
}
