using System.Text.Json;
using ProjectCases.Infrastructure.Json;
using ProjectCases.Projects;

namespace ProjectCases.Tests.Foundation;

public class StrictEnumJson
{
    private static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        JsonSetup.ApplyHttpRules(options);
        return options;
    }

    private sealed record Body(Sector Sector);

    [Fact]
    public void names_are_read_and_written_as_names() =>
        Assert.Equal("{\"sector\":\"Rail\"}", JsonSerializer.Serialize(JsonSerializer.Deserialize<Body>("{\"sector\":\"Rail\"}", Options), Options));

    [Theory]
    [InlineData("\"Spaceport\"")]
    [InlineData("3")]
    [InlineData("\"3\"")]
    [InlineData("\"Rail,Road\"")]
    public void anything_else_is_refused_with_the_allowed_values(string value)
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Body>($"{{\"sector\":{value}}}", Options));
        Assert.Contains("Allowed values: Rail, Road, Bridge", error.Message);
    }
}
