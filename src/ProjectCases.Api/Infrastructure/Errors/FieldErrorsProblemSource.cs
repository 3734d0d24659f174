using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;
using Wolverine.Http.Validation;

namespace ProjectCases.Infrastructure.Errors;

/// <summary>
/// Turns DataAnnotations failures into a 400 problem whose `errors` are keyed by the JSON (camelCase)
/// field name, as clients see the fields, and whose `detail` says in one sentence what was wrong.
/// </summary>
public sealed class FieldErrorsProblemSource<T> : IProblemDetailSource<T>
{
    public ProblemDetails Create(T message, ICollection<ValidationResult> failures) => FieldErrors.Problem(
        failures.SelectMany(failure => (failure.MemberNames.Any() ? failure.MemberNames : [""])
            .Select(member => (member, failure.ErrorMessage ?? "is invalid"))));
}

public static class FieldErrors
{
    public static ValidationProblemDetails Problem(IEnumerable<(string Field, string Message)> failures)
    {
        var errors = failures
            .GroupBy(f => JsonName(f.Field), f => f.Message)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
        var summary = string.Join(" ", errors.SelectMany(e => e.Value.Select(m => m.StartsWith(e.Key) ? m : $"{e.Key}: {m}")));
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields",
            Detail = summary,
        };
    }

    /// <summary>"Reporter.ContactName" → "reporter.contactName".</summary>
    public static string JsonName(string member) =>
        string.Join('.', member.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
