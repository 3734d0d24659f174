namespace ProjectCases.Infrastructure.OpenApi;

/// <summary>
/// The endpoint answers a file (binary), not JSON: the import template (its own type) or a filed document
/// (application/octet-stream: served as the type it was filed with).
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class FileResponseAttribute(string contentType = "application/octet-stream") : Attribute
{
    public string ContentType => contentType;
    public string Description => contentType == "application/octet-stream" ? "The file's bytes, served as its own content type." : "The file.";
}

/// <summary>The endpoint reads a multipart/form-data body with one file part of this name (it reads the body itself).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class MultipartFileAttribute(string part, string description) : Attribute
{
    public string Part => part;
    public string Description => description;
}
