using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.RegularExpressions;
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
            .Select(member => (member, FieldErrors.InJsonTerms(failure.ErrorMessage ?? "is invalid", member)))));
}

public static class FieldErrors
{
    /// <param name="failures">Fields named by C# member path ("Reporter.ContactName"), or by JSON path when <paramref name="jsonPaths"/>.</param>
    /// <param name="jsonPaths">The fields are already JSON paths as the client wrote them: keep them as they are.</param>
    public static ValidationProblemDetails Problem(IEnumerable<(string Field, string Message)> failures, bool jsonPaths = false)
    {
        var errors = failures
            .GroupBy(f => jsonPaths ? f.Field : JsonName(f.Field), f => f.Message)
            .ToDictionary(g => g.Key, g => g.Distinct().ToArray());
        var summary = string.Join(" ", errors.SelectMany(e => e.Value.Select(m => m.StartsWith(e.Key) ? m : $"{e.Key}: {m}")));
        return new ValidationProblemDetails(errors)
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request has invalid fields",
            Detail = summary,
        };
    }

    /// <summary>
    /// DataAnnotations messages name the C# property ("The Name field is required."): say the JSON name the
    /// client wrote instead ("The name field is required.").
    /// </summary>
    public static string InJsonTerms(string message, string member) =>
        member.Split('.').Aggregate(message, (text, part) => part.Length == 0 ? text
            : Regex.Replace(text, $@"\b{Regex.Escape(part)}\b", JsonNamingPolicy.CamelCase.ConvertName(part)));

    /// <summary>"Reporter.ContactName" → "reporter.contactName".</summary>
    public static string JsonName(string member) =>
        string.Join('.', member.Split('.').Select(part => JsonNamingPolicy.CamelCase.ConvertName(part)));
}
