namespace ProjectCases.Infrastructure.OpenApi;

/// <summary>The endpoint answers a file of this type (binary), not JSON: e.g. the import template.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FileResponseAttribute(string contentType) : Attribute
{
    public string ContentType => contentType;
}

/// <summary>The endpoint reads a multipart/form-data body with one file part of this name (it reads the body itself).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MultipartFileAttribute(string part, string description) : Attribute
{
    public string Part => part;
    public string Description => description;
}
