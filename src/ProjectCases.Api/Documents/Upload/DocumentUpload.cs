using Microsoft.AspNetCore.Mvc;
using ProjectCases.Documents.Storage;
using ProjectCases.Infrastructure.Errors;

namespace ProjectCases.Documents.Upload;

/// <summary>The stored file: its kept name, its checked type, and what was measured while it streamed.</summary>
public sealed record ReceivedFile(string FileName, string ContentType, long Size, string Sha256);

/// <summary>
/// Receives one file into the store, streaming: the head is read first and checked against the declared type (415
/// before anything is stored), then the rest goes to the store through a <see cref="ReceivingStream"/>, which measures,
/// hashes and cuts off over the limit (413). Shared by the API's multipart reader and the console's form.
/// </summary>
public static class DocumentUpload
{
    public static async Task<(ReceivedFile? File, ProblemDetails? Problem)> ReceiveAsync(Stream file, string? declaredType, string? rawName,
        Guid documentId, IDocumentContentStore store, long maxBytes, CancellationToken ct)
    {
        var name = rawName ?? "";
        if (AcceptedType.Declared(declaredType, name) is not { } type)
            return (null, Unsupported($"The file's type ({declaredType ?? "none"}, name \"{Shorten(name)}\") is not one of the accepted types: {AcceptedType.List}."));
        var head = new byte[AcceptedType.HeadBytes];
        var headLength = await file.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, ct);
        if (headLength == 0) return (null, FieldErrors.Problem([("file", "The file is empty.")], jsonPaths: true));
        if (!type.Matches(head.AsSpan(0, headLength)))
            return (null, Unsupported($"The file is declared as {type.MediaType}, but its bytes are not a {type.MediaType} file."));

        await using var receiving = new ReceivingStream(head[..headLength], file, type, maxBytes);
        try
        {
            await store.SaveAsync(documentId, receiving, ct);
        }
        catch (DocumentTooLargeException e) { return (null, TooLarge(e.Message)); }
        catch (DocumentTypeMismatchException e) { return (null, Unsupported(e.Message)); }
        return (new ReceivedFile(FileNames.Sanitise(name, type), type.MediaType, receiving.Size, receiving.Sha256()), null);
    }

    public static ProblemDetails TooLarge(string detail) => new() { Status = 413, Title = "The file is too large", Detail = detail };

    public static ProblemDetails Unsupported(string detail) => new() { Status = 415, Title = "Unsupported file type", Detail = detail };

    private static string Shorten(string name) => name.Length <= 80 ? name : name[..80] + "…";
}
