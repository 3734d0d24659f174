using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ProjectCases.WebConsole.SignIn;

namespace ProjectCases.WebConsole.Pages;

[AllowAnonymous]
public sealed class SignOutModel : PageModel
{
    public async Task<IActionResult> OnPost()
    {
        await HttpContext.SignOutAsync(ConsoleSignIn.Cookie);
        return LocalRedirect("/signin");
    }
}
