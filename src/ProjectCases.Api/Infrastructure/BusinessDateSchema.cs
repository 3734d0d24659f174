using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace ProjectCases.Infrastructure.OpenApi;

/// <summary>
/// A <see cref="BusinessDate"/> is text on the wire (its JSON converter), not the object its .NET members suggest:
/// the OpenAPI document says so, with the three forms as a pattern.
/// </summary>
public static class BusinessDateSchema
{
    public const string Pattern = @"^(\d{4}-\d{2}(-\d{2})?|FY\d{4})$";

    public static OpenApiOptions DescribeBusinessDates(this OpenApiOptions options) => options.AddSchemaTransformer((schema, context, _) =>
    {
        if ((Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type) != typeof(BusinessDate)) return Task.CompletedTask;
        schema.Type = JsonSchemaType.String;
        schema.Pattern = Pattern;
        schema.Format = null;
        schema.Properties?.Clear();
        schema.Description = $"A business date: {BusinessDate.Forms}. Returned as given; placed by its first day.";
        return Task.CompletedTask;
    });
}
