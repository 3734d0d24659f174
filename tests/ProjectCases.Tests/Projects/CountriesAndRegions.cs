using ProjectCases.Projects;

namespace ProjectCases.Tests.Projects;

public class CountriesAndRegions
{
    [Fact]
    public void every_officially_assigned_alpha_2_code_is_known_once() => Assert.Equal(249, Countries.Codes.Count);

    [Theory]
    [InlineData("VN", "Southeast Asia")]
    [InlineData("IN", "South Asia")]
    [InlineData("KE", "Sub-Saharan Africa")]
    [InlineData("UZ", "Central Asia")]
    [InlineData("PE", "Latin America and the Caribbean")]
    [InlineData("AE", "Middle East")]
    public void a_country_belongs_to_its_region(string code, string region) => Assert.Equal(region, Countries.RegionOf(code));

    [Theory]
    [InlineData("vn")]
    [InlineData("XX")]
    [InlineData("VNM")]
    [InlineData("")]
    public void lower_case_three_letter_and_unassigned_codes_are_not_countries(string code) => Assert.False(Countries.IsKnown(code));

    [Fact]
    public void every_country_in_the_sample_data_is_known()
    {
        var sample = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "SampleData", "projects.json"));
        var codes = System.Text.RegularExpressions.Regex.Matches(sample, "\"country\": \"([A-Z]{2})\"").Select(m => m.Groups[1].Value).Distinct().ToList();
        Assert.NotEmpty(codes);
        Assert.All(codes, code => Assert.True(Countries.IsKnown(code), code));
    }
}
