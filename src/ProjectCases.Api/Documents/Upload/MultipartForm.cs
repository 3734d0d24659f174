using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using ProjectCases.Documents.Storage;
using ProjectCases.Infrastructure.Errors;

namespace ProjectCases.Documents.Upload;

/// <summary>The fields of an upload besides the file (docs/api.md, "Documents").</summary>
public sealed record UploadFields(string? Title, bool? Shared, long? FactVersion);

/// <summary>
/// Reads a `multipart/form-data` upload straight from the request body, section by section (Microsoft's
/// MultipartReader; no form buffering): the `file` part goes to the store as it arrives, the small fields are read into
/// strings of at most <see cref="MaxFieldBytes"/>. Everything a client can get wrong answers a problem (400, 413, 415),
/// never an exception.
/// </summary>
public static class MultipartForm
{
    public const int MaxFieldBytes = 8 * 1024;
    /// <summary>What the parts' headers and the small fields may add to the file's bytes.</summary>
    public const long Overhead = 1024 * 1024;
    private static readonly string[] Names = ["file", "title", "shared", "factVersion"];

    public static async Task<(ReceivedFile? File, UploadFields Fields, ProblemDetails? Problem)> ReadAsync(HttpRequest request, Guid documentId,
        IDocumentContentStore store, long maxBytes, CancellationToken ct)
    {
        var none = new UploadFields(null, null, null);
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var media) || !media.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase))
            return (null, none, DocumentUpload.Unsupported("Send the document as multipart/form-data with a `file` part."));
        var boundary = HeaderUtilities.RemoveQuotes(media.Boundary).Value;
        if (string.IsNullOrEmpty(boundary) || boundary.Length > 70)
            return (null, none, Invalid("body", "The multipart/form-data content type has no valid boundary."));
        if (request.ContentLength > maxBytes + Overhead) return (null, none, DocumentUpload.TooLarge($"The file is larger than the limit of {maxBytes} bytes."));
        // The server's own body limit (Kestrel: about 28.6 MB) must not cut in before ours, whatever the configured limit.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit) limit.MaxRequestBodySize = maxBytes + Overhead;

        try
        {
            return await ReadSectionsAsync(new MultipartReader(boundary, request.Body), documentId, store, maxBytes, ct);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException && e is not BadHttpRequestException)
        {
            return (null, none, Invalid("body", $"The multipart body could not be read: {e.Message}"));
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, none, DocumentUpload.TooLarge($"The file is larger than the limit of {maxBytes} bytes."));
        }
        catch (BadHttpRequestException e)
        {
            return (null, none, Invalid("body", $"The multipart body could not be read: {e.Message}"));
        }
    }

    private static async Task<(ReceivedFile?, UploadFields, ProblemDetails?)> ReadSectionsAsync(MultipartReader reader, Guid documentId,
        IDocumentContentStore store, long maxBytes, CancellationToken ct)
    {
        ReceivedFile? file = null;
        var values = new Dictionary<string, string>();
        var errors = new List<(string, string)>();
        while (await reader.ReadNextSectionAsync(ct) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.DispositionType.Equals("form-data", StringComparison.OrdinalIgnoreCase)
                || HeaderUtilities.RemoveQuotes(disposition.Name).Value is not { Length: > 0 } name)
                return (null, Fields(values), Invalid("body", "Each part needs a Content-Disposition of form-data with a name."));
            if (!Names.Contains(name)) return (null, Fields(values), Invalid(Shorten(name), $"There is no field \"{Shorten(name)}\"; the fields are {string.Join(", ", Names)}."));
            if (name == "file" ? file is not null : values.ContainsKey(name)) return (null, Fields(values), Invalid(name, $"Send {name} once."));
            if (name == "file")
            {
                var fileName = disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value;
                var (received, problem) = await DocumentUpload.ReceiveAsync(section.Body, section.ContentType, fileName, documentId, store, maxBytes, ct);
                if (problem is not null) return (null, Fields(values), problem);
                file = received;
            }
            else if (await ReadFieldAsync(section.Body, ct) is { } value) values[name] = value;
            else errors.Add((name, $"{name} must be at most {MaxFieldBytes} bytes of UTF-8 text."));
        }
        if (file is null) errors.Add(("file", "The file is required (a part named file)."));
        var fields = Fields(values);
        if (values.TryGetValue("shared", out var shared) && fields.Shared is null) errors.Add(("shared", "shared must be true or false."));
        if (values.TryGetValue("factVersion", out var fact) && fields.FactVersion is null) errors.Add(("factVersion", "factVersion must be a positive whole number."));
        return errors.Count > 0 ? (null, fields, FieldErrors.Problem(errors, jsonPaths: true)) : (file, fields, null);
    }

    private static UploadFields Fields(Dictionary<string, string> values) => new(
        values.GetValueOrDefault("title"),
        values.TryGetValue("shared", out var s) && bool.TryParse(s.Trim(), out var shared) ? shared : null,
        values.TryGetValue("factVersion", out var f) && long.TryParse(f.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : null);

    private static async Task<string?> ReadFieldAsync(Stream body, CancellationToken ct)
    {
        var buffer = new byte[MaxFieldBytes + 1];
        var read = await body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, ct);
        if (read > MaxFieldBytes) return null;
        try { return new UTF8Encoding(false, true).GetString(buffer, 0, read); }
        catch (DecoderFallbackException) { return null; }
    }

    private static ProblemDetails Invalid(string field, string message) => FieldErrors.Problem([(field, message)], jsonPaths: true);

    private static string Shorten(string name) => name.Length <= 40 ? name : name[..40] + "…";
}
