using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.WebConsole.SignIn;

namespace ProjectCases.WebConsole.Pages;

/// <summary>`/` sends each role to where its work starts.</summary>
public sealed class IndexModel : PageModel
{
    public IActionResult OnGet() => LocalRedirect(User.Home());
}
