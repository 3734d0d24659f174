using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace ProjectCases.WebConsole;

/// <summary>
/// Japanese by default, English when chosen; the choice is kept in ASP.NET Core's culture cookie. The
/// browser's Accept-Language is deliberately not consulted: the console is Japanese first for everyone.
/// </summary>
public static class ConsoleCulture
{
    public const string Japanese = "ja";
    public const string English = "en";

    public static readonly CultureInfo[] Supported = [new(Japanese), new(English)];

    public static RequestLocalizationOptions Options() => new()
    {
        DefaultRequestCulture = new RequestCulture(Japanese),
        SupportedCultures = Supported,
        SupportedUICultures = Supported,
        RequestCultureProviders = [new CookieRequestCultureProvider()],
    };

    public static bool IsJapanese => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == Japanese;

    /// <summary>A name in the console's language: the Japanese one where there is one and the console is in Japanese.</summary>
    public static string NameOf(string name, string? nameJa) => IsJapanese && nameJa is not null ? nameJa : name;
}
