using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProjectCases.Infrastructure.OpenApi;

/// <summary>
/// Document-wide parts: the title, the bearer scheme every /api operation requires, the one problem document
/// schema every refusal uses, tags sorted by feature and no server URL (the document is the same wherever it is served).
/// </summary>
public sealed class DocumentDescriber : IOpenApiDocumentTransformer
{
    public const string BearerScheme = "Bearer";
    public const string ProblemSchema = "ProblemDetails";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info = new OpenApiInfo
        {
            Title = "ProjectCases API",
            Version = "v1",
            Description = "Infrastructure-export projects and the hotline for Japanese companies abroad. Every /api route needs a bearer JWT (docs/api.md).",
        };
        document.Servers = [];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[BearerScheme] = Bearer();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = Problem();
        // Replaced by ProblemSchema in every response; IResult is what endpoints return in C#, not a body.
        document.Components.Schemas.Remove("HttpValidationProblemDetails");
        document.Components.Schemas.Remove("IResult");
        document.Tags = new HashSet<OpenApiTag>(
            (document.Tags ?? (IEnumerable<OpenApiTag>)[]).Where(t => t.Name is not null && !t.Name.Contains('.')).OrderBy(t => t.Name, StringComparer.Ordinal),
            new TagByName());
        return Task.CompletedTask;
    }

    public static OpenApiSecurityScheme Bearer() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "JWT",
        Description = "A JWT with claim `role` (officer, hotline, company, auditor, admin); a company user also carries claim `company`.",
    };

    /// <summary>RFC 9457, with the field errors of a 400 under `errors` (JSON field name → messages) and any extension member.</summary>
    private static OpenApiSchema Problem() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem document: `detail` says in plain words what was wrong; a 400 names each bad field under `errors`.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Description = "Each offending field (its JSON name or path) and what is wrong with it.",
                AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchema { Type = JsonSchemaType.String } },
            },
        },
        AdditionalPropertiesAllowed = true,
    };

    private sealed class TagByName : IEqualityComparer<OpenApiTag>
    {
        public bool Equals(OpenApiTag? x, OpenApiTag? y) => x?.Name == y?.Name;
        public int GetHashCode(OpenApiTag obj) => obj.Name?.GetHashCode() ?? 0;
    }

    internal static JsonNode Text(string value) => JsonValue.Create(value);
}
