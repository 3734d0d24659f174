using System.Collections;
using System.Globalization;
using System.Resources;
using ProjectCases.FollowUps;
using ProjectCases.Projects;
using ProjectCases.Troubles;
using ProjectCases.WebConsole.Resources;

namespace ProjectCases.Tests.WebConsole;

/// <summary>The console's two languages say the same things: no label missing in one of them.</summary>
public class ConsoleResources
{
    private static readonly ResourceManager Resources = new(typeof(Text).FullName!, typeof(Text).Assembly);

    private static Dictionary<string, string> In(string culture) =>
        Resources.GetResourceSet(CultureInfo.GetCultureInfo(culture), createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string)e.Value!);

    [Fact]
    public void japanese_and_english_have_the_same_keys_and_no_empty_text()
    {
        var (ja, en) = (In("ja"), In("en"));
        Assert.Empty(ja.Keys.Except(en.Keys));
        Assert.Empty(en.Keys.Except(ja.Keys));
        Assert.DoesNotContain(ja, entry => string.IsNullOrWhiteSpace(entry.Value));
        Assert.DoesNotContain(en, entry => string.IsNullOrWhiteSpace(entry.Value));
    }

    [Theory]
    [InlineData(typeof(Sector)), InlineData(typeof(Financing)), InlineData(typeof(TouchpointKind)), InlineData(typeof(JapanLevel))]
    [InlineData(typeof(StudyType)), InlineData(typeof(AgreementType)), InlineData(typeof(AgreementLevel)), InlineData(typeof(TenderType))]
    [InlineData(typeof(TenderFailureReason)), InlineData(typeof(AwardType)), InlineData(typeof(AwardScope)), InlineData(typeof(ProjectStatusValue))]
    [InlineData(typeof(ProjectStage)), InlineData(typeof(TroubleCategory)), InlineData(typeof(Priority)), InlineData(typeof(TroubleStatus))]
    [InlineData(typeof(ResolutionOutcome)), InlineData(typeof(FollowUpStatus))]
    public void every_value_of_an_enum_the_console_shows_has_a_japanese_label(Type type)
    {
        var ja = In("ja");
        var missing = Enum.GetNames(type).Where(value => !ja.ContainsKey($"{type.Name}.{value}")).ToList();
        Assert.True(missing.Count == 0, $"{type.Name}: no label for {string.Join(", ", missing)}");
    }
}
