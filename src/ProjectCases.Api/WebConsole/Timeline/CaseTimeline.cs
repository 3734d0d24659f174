using JasperFx.Events;
using ProjectCases.Audit;
using ProjectCases.Troubles;

namespace ProjectCases.WebConsole.Timeline;

/// <summary>One line of a trouble case's timeline; internal lines are never given to a company user.</summary>
public sealed record CaseLine(DateTimeOffset RecordedAt, string? RecordedBy, string Title, IReadOnlyList<(string Label, string Value)> Details,
    bool Internal);

/// <summary>
/// A case stream's events as timeline lines in the current language. Internal, as in the case read model
/// (TroubleCaseProjection): assignments, consultations, internal notes and service-level breaches; an event type
/// this does not know is internal too, so a new kind of fact is never shown to a company by accident.
/// For a company, internal lines and the names of those who recorded the lines are left out.
/// </summary>
public static class CaseTimeline
{
    public static IReadOnlyList<CaseLine> Of(IEnumerable<IEvent> events, Display d, bool forCompany) =>
        [.. events.Select(e => Line(e, d)).Where(line => !forCompany || !line.Internal).Select(line => forCompany ? line with { RecordedBy = null } : line)];

    private static CaseLine Line(IEvent e, Display d)
    {
        string L(string key) => d.Text(key);
        var (key, isInternal, details) = e.Data switch
        {
            TroubleReported r => ("Reported", false, Present((L("Field.Category"), d.Enum(r.Category)), (L("Field.Summary"), r.Summary))),
            TroubleTriaged t => ("Triaged", false, Present((L("Field.Priority"), d.Enum(t.Priority)), (L("Field.Category"), d.Enum(t.Category)))),
            TroubleAssigned a => ("Assigned", true, Present((L("Field.Assignee"), a.Officer))),
            AgencyConsulted c => ("AgencyConsulted", true, Present((L("Field.Agency"), d.Enum(c.Agency)), (L("Field.Note"), c.Note))),
            TopClaimMade t => ("TopClaimMade", false, Present((L("Field.JapanLevel"), d.Enum(t.RaisedBy)), (L("Field.RaisedWith"), t.RaisedWith),
                (L("Field.RaisedOn"), d.Date(t.RaisedOn)), (L("Field.Channel"), t.Channel))),
            TroubleNoteAdded n => (n.ByCompany ? "CompanyNote" : "Note", n.Visibility == NoteVisibility.Internal, Present((L("Field.Note"), n.Text))),
            TroubleResolved r => ("Resolved", false, Present((L("Field.Outcome"), d.Enum(r.Outcome)), (L("Field.Summary"), r.Summary))),
            ResolutionAcknowledged => ("Acknowledged", false, []),
            TroubleClosed => ("Closed", false, []),
            TroubleReopened r => ("Reopened", false, Present((L("Field.Reason"), r.Reason))),
            FirstResponseOverdue o => ("FirstResponseOverdue", true, Present((L("Queue.FirstResponseDue"), d.JapanTime(o.DueAt)))),
            ResolutionOverdue o => ("ResolutionOverdue", true, Present((L("Queue.ResolutionDue"), d.JapanTime(o.DueAt)))),
            ProjectCases.Documents.DocumentAttached x => ("DocumentAttached", !x.Shared, Present((L("Field.Title"), x.Title), (L("Documents.File"), x.FileName))),
            _ => (null, true, []),
        };
        var title = key is null ? e.EventTypeName : L($"CaseLine.{key}");
        return new CaseLine(e.Timestamp, RecordedByName.Of(e) ?? e.UserName, title, details, isInternal);
    }

    private static IReadOnlyList<(string, string)> Present(params (string Label, string? Value)[] details) =>
        [.. details.Where(x => !string.IsNullOrWhiteSpace(x.Value)).Select(x => (x.Label, x.Value!))];
}
