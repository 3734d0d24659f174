using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProjectCases.Infrastructure.OpenApi;

/// <summary>
/// Schemas as the HTTP JSON rules (JsonSetup) read and write them: the custom converters for strings
/// (ClientTextConverter) and enums (StrictEnumConverterFactory) hide both from ASP.NET's schema generator, which
/// then says nothing about them. Strings are strings, enums are strings with their names, arrays of either say so;
/// a property that may be null says so, and is not listed as required (clients may leave it out).
/// </summary>
public sealed class SchemaDescriber : IOpenApiSchemaTransformer
{
    /// <summary>ASP.NET's mark on a schema it will put in the components and refer to by `$ref` (an enum, an object); empty for one it inlines.</summary>
    private const string SchemaIdKey = "x-schema-id";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        // Null is said where the property is: a schema that becomes a component must not say it (the component serves
        // every property of that type, nullable or not); ASP.NET writes `oneOf: [{type: null}, {$ref}]` for those from
        // its own x-is-nullable-property mark. A schema that stays inline (a string; an enum property with a default
        // value, which ASP.NET does not turn into a reference) must say it itself.
        var nullable = (Nullable.GetUnderlyingType(type) is not null || context.JsonPropertyInfo is { IsGetNullable: true } or { IsSetNullable: true })
                       && !(schema.Metadata?.TryGetValue(SchemaIdKey, out var id) == true && id is string { Length: > 0 });
        if (underlying == typeof(string))
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
        else if (underlying.IsEnum)
        {
            schema.Type = nullable ? JsonSchemaType.String | JsonSchemaType.Null : JsonSchemaType.String;
            // JSON Schema checks `enum` on its own: a nullable one lists null among its values.
            schema.Enum = [.. Names(underlying), .. nullable ? [null!] : Array.Empty<JsonNode>()];
        }
        else if (context.JsonTypeInfo.Kind == JsonTypeInfoKind.Enumerable && schema.Items is null && context.JsonTypeInfo.ElementType is { } element)
            // The converters hide an array's strings or enums too, and ASP.NET then leaves out `items` altogether.
            schema.Items = Items(element);

        if (schema.Required is { Count: > 0 } required)
            foreach (var property in context.JsonTypeInfo.Properties)
                // Nullable, or computed (no setter, no constructor parameter: never read from a body, so never required in one).
                if (Nullable.GetUnderlyingType(property.PropertyType) is not null || !property.PropertyType.IsValueType && property.IsSetNullable
                    || property.Set is null && property.AssociatedParameter is null)
                    required.Remove(property.Name);
        return Task.CompletedTask;
    }

    private static IEnumerable<JsonNode> Names(Type enumType) => Enum.GetNames(enumType).Select(n => (JsonNode)JsonValue.Create(n));

    /// <summary>An array's items: a string, or the enum's names (ASP.NET inlines an array's item schema anyway).</summary>
    private static OpenApiSchema? Items(Type element) =>
        element == typeof(string) ? new OpenApiSchema { Type = JsonSchemaType.String }
        : element.IsEnum ? new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Names(element)] }
        : null;
}
