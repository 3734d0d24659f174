using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ProjectCases.WebConsole.Pages;

/// <summary>
/// The console's 404 / 403 / other error page (re-executed by the status-code middleware). A case or project
/// that is not the user's answers exactly like one that does not exist, as in the API.
/// </summary>
/// <remarks>No authorization attribute (not even AllowAnonymous): see ConsoleSetup.</remarks>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Code { get; private set; }

    public IActionResult OnGet(int code) => Show(code);

    public IActionResult OnPost(int code) => Show(code);

    private PageResult Show(int code)
    {
        Code = code is >= 400 and < 600 ? code : 404;
        Response.StatusCode = Code;
        return Page();
    }
}
