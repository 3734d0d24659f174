using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using ProjectCases.Infrastructure.Decisions;

namespace ProjectCases.WebConsole.Writes;

/// <summary>
/// A page with write forms: which form was posted (its refusal is shown on it, not on the others), the alert of that
/// form (top-level reasons) and the post/redirect/get answer. Every form carries the record's version in a hidden
/// field: the write's If-Match.
/// </summary>
public abstract class FormPage(ConsoleWrites writes) : PageModel
{
    protected ConsoleWrites Writes => writes;

    /// <summary>The record's version when the form was rendered (hidden field "version").</summary>
    [BindProperty(Name = "version")] public long? FormVersion { get; set; }

    /// <summary>
    /// A form that creates a record carries the new record's id, made when the form was rendered (hidden field
    /// "formKey"): posting the same form twice cannot create two records (see ConsoleWrites.StartAsync).
    /// </summary>
    [BindProperty(Name = "formKey")] public Guid? FormKey { get; set; }

    /// <summary>The id for the record this post creates: the form's key when it is one we make (version 7), else a new one.</summary>
    protected Guid NewRecordId() => FormKey is { } key && key.Version == 7 ? key : Guid.CreateVersion7();

    /// <summary>The form that was posted and refused, if any.</summary>
    public string? PostedForm { get; private set; }

    /// <summary>The reasons for the whole form (not for one field) of <paramref name="form"/>, when it was the one refused.</summary>
    public IReadOnlyList<string> AlertsOf(string form) => PostedForm == form && ModelState.TryGetValue("", out var entry)
        ? [.. entry.Errors.Select(e => e.ErrorMessage).Distinct()]
        : [];

    /// <summary>Binding errors of the posted form (a malformed number or date) stop the write before it is tried.</summary>
    protected bool BoundCleanly(string form)
    {
        if (ModelState.IsValid) return true;
        PostedForm = form;
        ModelState.AddModelError("", HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Localization.IStringLocalizer<Resources.Text>>()["Form.Invalid"]);
        return false;
    }

    /// <summary>Shows the outcome's refusal on <paramref name="form"/> (fields under "<paramref name="form"/>.X") and answers its status; true when accepted.</summary>
    protected bool Accepted(WriteOutcome outcome, string form)
    {
        if (outcome.Problem is not { } problem) return true;
        PostedForm = form;
        writes.Show(problem, ModelState, form);
        Response.StatusCode = problem.Status is 404 or 412 or 409 or 422 ? problem.Status.Value : 400;
        return false;
    }

    protected static IEnumerable<SelectListItem> Options<T>(Display display) where T : struct, Enum =>
        Enum.GetValues<T>().Select(v => new SelectListItem(display.Enum(v), v.ToString()));
}
