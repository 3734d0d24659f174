using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace ProjectCases.Infrastructure.Json;

/// <summary>One set of JSON rules for request bodies, responses and stored events.</summary>
public static class JsonSetup
{
    /// <summary>
    /// HTTP: camelCase, enums as their names only (unknown values refused with the allowed list), numbers as
    /// JSON numbers only (not "12"), every string checked by the TextRules, unknown members refused.
    /// </summary>
    public static void ApplyHttpRules(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Converters.Insert(0, new StrictEnumConverterFactory());
        options.Converters.Insert(0, new ClientTextConverter());
    }

    /// <summary>
    /// Stored events and documents: enums as strings so the history reads well and survives reordering of enum members;
    /// properties filled per read ([NotStored]) left out.
    /// </summary>
    public static void ApplyStoredEventRules(JsonSerializerOptions options)
    {
        options.Converters.Insert(0, new JsonStringEnumConverter());
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { NotStoredAttribute.LeaveOut } };
    }
}
