using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProjectCases.Infrastructure.OpenApi;

/// <summary>
/// Schemas as the HTTP JSON rules (JsonSetup) read and write them: the custom converters for strings
/// (ClientTextConverter) and enums (StrictEnumConverterFactory) hide both from ASP.NET's schema generator, which
/// then says nothing about them. Strings are strings, enums are strings with their names; a property that may be
/// null is not listed as required (clients may leave it out).
/// </summary>
public sealed class SchemaDescriber : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var nullable = Nullable.GetUnderlyingType(type) is not null || context.JsonPropertyInfo is { IsGetNullable: true } or { IsSetNullable: true };
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string))
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        else if (underlying.IsEnum && schema.Enum is not { Count: > 0 })
        {
            schema.Type = JsonSchemaType.String;
            schema.Enum = [.. Enum.GetNames(underlying).Select(n => (JsonNode)JsonValue.Create(n))];
        }

        if (schema.Required is { Count: > 0 } required)
            foreach (var property in context.JsonTypeInfo.Properties)
                // Nullable, or computed (no setter, no constructor parameter: never read from a body, so never required in one).
                if (Nullable.GetUnderlyingType(property.PropertyType) is not null || !property.PropertyType.IsValueType && property.IsSetNullable
                    || property.Set is null && property.AssociatedParameter is null)
                    required.Remove(property.Name);
        return Task.CompletedTask;
    }
}
