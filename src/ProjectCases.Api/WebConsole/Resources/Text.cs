namespace ProjectCases.WebConsole.Resources;

/// <summary>Anchor of the console's strings: Text.ja.resx (the default) and Text.en.resx.</summary>
public sealed class Text;
