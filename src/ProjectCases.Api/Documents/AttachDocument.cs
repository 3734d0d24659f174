using Microsoft.AspNetCore.Mvc;
using ProjectCases.Documents.Upload;
using ProjectCases.Infrastructure.Decisions;
using ProjectCases.Infrastructure.Errors;

namespace ProjectCases.Documents;

/// <summary>Where a document is being filed, as the decision needs it.</summary>
/// <param name="FactKind">For a factVersion: the stored event type at that version of the project stream (null if none).</param>
public sealed record DocumentTarget(Guid StreamId, DocumentOwner Owner, bool ByCompany, string? FactKind);

public static class AttachDocumentDecision
{
    public const int MaxTitle = 300;

    /// <summary>Input shape beyond the multipart reader: title required, `shared` for cases, `factVersion` for projects (400).</summary>
    public static ProblemDetails? Validate(UploadFields fields, DocumentOwner owner)
    {
        var errors = new List<(string, string)>();
        if (string.IsNullOrWhiteSpace(fields.Title)) errors.Add(("title", "The title is required."));
        else if (fields.Title.Trim().Length > MaxTitle) errors.Add(("title", $"The title must be at most {MaxTitle} characters."));
        if (owner == DocumentOwner.Project && fields.Shared is not null) errors.Add(("shared", "shared applies to trouble cases only."));
        if (owner == DocumentOwner.Trouble && fields.FactVersion is not null) errors.Add(("factVersion", "factVersion applies to projects only (a touchpoint or an agreement)."));
        return errors.Count > 0 ? FieldErrors.Problem(errors, jsonPaths: true) : null;
    }

    /// <summary>
    /// Files the received document on the stream. A company's own upload is always shared with it; the hotline shares
    /// one only when asked. A factVersion must name a touchpoint or an agreement of the project.
    /// </summary>
    public static Decision Decide(DocumentTarget target, UploadFields fields, ReceivedFile file, Guid documentId, string uploadedBy, DateTimeOffset now)
    {
        if (fields.FactVersion is { } version && target.FactKind is not ("touchpoint_logged" or "agreement_signed"))
            return Decision.Unprocessable(target.FactKind is null
                ? $"factVersion {version} names no fact of this project."
                : $"factVersion {version} is a {target.FactKind.Replace('_', ' ')}; a document can be attached to a touchpoint or an agreement only.");
        var shared = target.Owner == DocumentOwner.Trouble && (target.ByCompany || fields.Shared == true);
        return Decision.Accept(new DocumentAttached(target.StreamId, documentId, target.Owner, fields.Title!.Trim(), file.FileName, file.ContentType,
            file.Size, file.Sha256, shared, fields.FactVersion, uploadedBy, now));
    }
}
