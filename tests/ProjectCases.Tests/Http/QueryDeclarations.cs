using Microsoft.AspNetCore.Http;
using ProjectCases.Infrastructure.Http;
using ProjectCases.Infrastructure.OpenApi;

namespace ProjectCases.Tests.Http;

/// <summary>The query parameters an endpoint reads are the ones it declares for the OpenAPI document, bounds included.</summary>
public class QueryDeclarations
{
    private static QueryParameters For(string query, params object[] declarations)
    {
        var context = new DefaultHttpContext();
        context.Request.Path = "/api/things";
        context.Request.QueryString = new QueryString(query);
        context.SetEndpoint(new Endpoint(_ => Task.CompletedTask, new EndpointMetadataCollection(declarations), "GET /api/things"));
        return new QueryParameters(context.Request);
    }

    [Fact]
    public void a_declared_parameter_is_read()
    {
        var query = For("?owner=sato&page=2", new QueryAttribute("owner", typeof(string), "who"), new PagedAttribute());
        Assert.Equal("sato", query.Text("owner"));
        Assert.Equal((2, QueryParameters.DefaultPageSize), query.Paging());
    }

    [Fact]
    public void reading_an_undeclared_parameter_fails_naming_it()
    {
        var query = For("?owner=sato", new PagedAttribute());
        var error = Assert.Throws<InvalidOperationException>(() => query.Text("owner"));
        Assert.Contains("'owner'", error.Message);
    }

    [Fact]
    public void reading_with_other_bounds_than_declared_fails()
    {
        var query = For("?limit=5", new QueryAttribute("limit", typeof(int), "how many") { Minimum = 1, Maximum = 100 });
        Assert.Throws<InvalidOperationException>(() => query.Int("limit", 10, 1, 1000));
        Assert.Equal(5, query.Int("limit", 10, 1, 100));
    }
}
