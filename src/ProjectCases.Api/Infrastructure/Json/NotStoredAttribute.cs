using System.Text.Json.Serialization.Metadata;

namespace ProjectCases.Infrastructure.Json;

/// <summary>
/// A read model's property filled per read from other streams (a project's open troubles, follow-ups and risks): in
/// API responses, never in the document Marten stores, where it would only be a stale default. Keeping it out of the
/// stored JSON lets a read append the current values to that JSON as it streams it (StoredProjectJson), without
/// PostgreSQL rebuilding the document.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotStoredAttribute : Attribute
{
    /// <summary>A System.Text.Json contract modifier for the stored documents' serializer (JsonSetup.ApplyStoredEventRules).</summary>
    public static void LeaveOut(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object) return;
        for (var i = type.Properties.Count - 1; i >= 0; i--)
            if (type.Properties[i].AttributeProvider?.IsDefined(typeof(NotStoredAttribute), inherit: false) == true)
                type.Properties.RemoveAt(i);
    }
}
